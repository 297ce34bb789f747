import type { EventOf } from '../events/index.ts';
import type { rosterEvents } from '../events/roster.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Contribution, FoldModule } from './FoldContext.ts';
import { servedMinutes, servedSignups } from './rosterQueries.ts';
import { isNewer, type Stamp } from './stamp.ts';

export interface TeamState {
  id: string;
  name: string;
  purpose: string | null;
  leaderId: string | null;
  createdAt: number;
  createdBy: string;
  /** The edit each field holds: the latest by (at, id), wherever the log holds the edits. */
  edits: Partial<Record<TeamField, Stamp>>;
}

type TeamField = 'name' | 'purpose' | 'leaderId';

/** A lead's or committee member's times for a shift, which count instead of the phone's. */
export interface AttendanceCorrection {
  eventId: string;
  by: string;
  at: number;
  as: 'lead' | 'committee';
  reason: string;
  checkedInAt: number;
  checkedOutAt: number;
}

export interface Signup {
  at: number;
  /** The phone's check-in and check-out times, kept as they were after a correction. */
  checkedInAt: number | null;
  checkedOutAt: number | null;
  /** Minutes served: at check-out from the phone's times, or from the latest correction's. */
  minutes: number | null;
  /** The check-in or check-out was made offline, so only the phone vouches for its time. */
  phoneTime: boolean;
  /** The latest correction, if any. */
  correction: AttendanceCorrection | null;
}

export interface DutyState {
  id: string;
  teamId: string;
  title: string | null;
  day: string;
  start: string;
  end: string;
  place: string;
  slots: number;
  freeSlots: number;
  status: 'open' | 'cancelled';
  cancelReason: string | null;
  /** Current sign-ups by member (a withdrawal removes one). */
  signups: Record<string, Signup>;
  /**
   * Sign-ups that came after the last place was taken (two phones offline, a walk-in's QR), by
   * member. Each is flagged `no_free_slot` for the lead to settle, yet holds its check-in, check-out
   * and corrections: time served counts whoever was meant to come.
   */
  overfull: Record<string, Signup>;
  createdAt: number;
}

export interface RostersState {
  teams: Record<string, TeamState>;
  duties: Record<string, DutyState>;
  /** Volunteer time served per member, in minutes, over every duty. */
  minutesByMember: Record<string, number>;
}

type RosterEvent = EventOf<(typeof rosterEvents)[number]['entries']['type']['literal']>;

const teamKey = (id: string) => `team:${id}`;
const servesTime: ReadonlySet<string> = new Set([
  'roster.checked-in',
  'roster.checked-out',
  'roster.attendance.corrected',
]);
const dutyKey = (id: string) => `duty:${id}`;

/** Folds `roster.*` events into teams and duties; hours per member are a running total of duties. */
export const rostersModule: FoldModule<RosterEvent> = {
  keys: (e) =>
    e.type === 'roster.team.created'
      ? [teamKey(e.id)]
      : e.type === 'roster.team.edited'
        ? [teamKey(e.teamId)]
        : e.type === 'roster.duty.created'
          ? [dutyKey(e.id)]
          : // A correction reads who leads the team: a later-synced change of lead refolds it.
            e.type === 'roster.attendance.corrected'
            ? [dutyKey(e.dutyId), teamKey(e.teamId)]
            : [dutyKey(e.dutyId)],
  refs: (e) => (e.type === 'roster.duty.created' ? [teamKey(e.teamId)] : []),
  creates: (e) =>
    e.type === 'roster.team.created' ? teamKey(e.id) : e.type === 'roster.duty.created' ? dutyKey(e.id) : undefined,
  apply(ctx, e) {
    switch (e.type) {
      case 'roster.team.created':
        ctx.put(teamKey(e.id), {
          id: e.id,
          name: e.name,
          purpose: e.purpose ?? null,
          leaderId: e.leaderId ?? null,
          createdAt: e.at,
          createdBy: e.by,
          edits: {},
        } satisfies TeamState);
        return undefined;
      case 'roster.team.edited': {
        const team = ctx.get<TeamState>(teamKey(e.teamId));
        if (!team) return { code: 'no_such', thing: 'team' };
        // Two edits of one field made offline: the later by (at, id) holds, whatever the log's order.
        const stamp = { at: e.at, eventId: e.id };
        const newer = (field: TeamField) => isNewer(e.at, e.id, team.edits[field]);
        const edits = { ...team.edits };
        if (e.name !== undefined && newer('name')) {
          team.name = e.name;
          edits.name = stamp;
        }
        if (e.purpose !== undefined && newer('purpose')) {
          team.purpose = e.purpose;
          edits.purpose = stamp;
        }
        if (e.leaderId !== undefined && newer('leaderId')) {
          team.leaderId = e.leaderId;
          edits.leaderId = stamp;
        }
        team.edits = edits;
        return undefined;
      }
      case 'roster.duty.created':
        if (!ctx.existed(teamKey(e.teamId))) return { code: 'no_such', thing: 'team' };
        ctx.put(dutyKey(e.id), {
          id: e.id,
          teamId: e.teamId,
          title: e.title ?? null,
          day: e.day,
          start: e.start,
          end: e.end,
          place: e.place,
          slots: e.slots,
          freeSlots: e.slots,
          status: 'open',
          cancelReason: null,
          signups: {},
          overfull: {},
          createdAt: e.at,
        } satisfies DutyState);
        return undefined;
      default: {
        const duty = ctx.get<DutyState>(dutyKey(e.dutyId));
        if (!duty) return { code: 'no_such', thing: 'duty' };
        // Time served is a fact: a check-in, check-out or correction written while the duty was
        // cancelled on another phone counts, wherever the log holds the cancellation. Signing up
        // for a cancelled duty (or cancelling twice) does not.
        if (duty.status === 'cancelled' && !servesTime.has(e.type)) return { code: 'duty_cancelled' };
        if (e.type === 'roster.attendance.corrected') {
          if (duty.teamId !== e.teamId) return { code: 'no_such', thing: 'team' };
          const lead = ctx.peek<TeamState>(teamKey(e.teamId))?.leaderId;
          if (e.as === 'lead' && lead !== e.by) return { code: 'not_lead' };
        }
        return dutyStep(duty, e);
      }
    }
  },
};

function dutyStep(
  duty: DutyState,
  e: Exclude<RosterEvent, { type: `roster.team.${string}` | 'roster.duty.created' }>,
): AnomalyReason | undefined {
  if (!('memberId' in e)) {
    duty.status = 'cancelled';
    duty.cancelReason = e.reason;
    return undefined;
  }
  const held = duty.signups[e.memberId];
  const over = held ? undefined : duty.overfull[e.memberId];
  const signup = held ?? over;
  const put = (next: Signup) => {
    if (held) duty.signups[e.memberId] = next;
    else duty.overfull = { ...duty.overfull, [e.memberId]: next };
  };
  switch (e.type) {
    case 'roster.signed-up': {
      if (over && duty.freeSlots > 0) {
        // Signed up again once a place was freed: the over-full sign-up takes it, with its times.
        const { [e.memberId]: _moved, ...rest } = duty.overfull;
        duty.overfull = rest;
        duty.signups[e.memberId] = over;
        duty.freeSlots -= 1;
        return undefined;
      }
      if (signup) return { code: 'already_signed_up' };
      const fresh: Signup = {
        at: e.at,
        checkedInAt: null,
        checkedOutAt: null,
        minutes: null,
        phoneTime: false,
        correction: null,
      };
      if (duty.freeSlots === 0) {
        duty.overfull = { ...duty.overfull, [e.memberId]: fresh };
        return { code: 'no_free_slot' };
      }
      duty.signups[e.memberId] = fresh;
      duty.freeSlots -= 1;
      return undefined;
    }
    case 'roster.withdrew':
      if (!signup) return { code: 'not_signed_up' };
      if (signup.checkedInAt !== null || signup.correction) return { code: 'already_checked_in' };
      if (held) {
        delete duty.signups[e.memberId];
        duty.freeSlots += 1;
      } else {
        const { [e.memberId]: _gone, ...rest } = duty.overfull;
        duty.overfull = rest;
      }
      return undefined;
    case 'roster.checked-in':
      if (!signup) return { code: 'not_signed_up' };
      if (signup.checkedInAt !== null) return { code: 'already_checked_in' };
      put({ ...signup, checkedInAt: e.at, phoneTime: signup.phoneTime || e.offline === true });
      return undefined;
    case 'roster.checked-out':
      if (!signup || signup.checkedInAt === null) return { code: 'not_checked_in' };
      if (signup.checkedOutAt !== null) return { code: 'already_checked_out' };
      put({
        ...signup,
        checkedOutAt: e.at,
        // No more than the time between the two taps (both the phone's clock) or the duty's length,
        // whichever is longer: a member cannot claim a day for a two-hour duty. Longer real work is
        // the lead's correction to write.
        minutes: signup.correction
          ? signup.minutes
          : Math.min(e.minutes, Math.max(servedMinutes(signup.checkedInAt, e.at), dutyLength(duty))),
        phoneTime: signup.phoneTime || e.offline === true,
      });
      return undefined;
    case 'roster.attendance.corrected': {
      if (!signup) return { code: 'not_signed_up' };
      const { id: eventId, by, at, as, reason, checkedInAt, checkedOutAt } = e;
      // Two corrections made offline: the later by (at, id) counts, whatever the log's order.
      if (!isNewer(at, eventId, signup.correction)) return undefined;
      put({
        ...signup,
        minutes: servedMinutes(checkedInAt, checkedOutAt),
        correction: { eventId, by, at, as, reason, checkedInAt, checkedOutAt },
      });
      return undefined;
    }
    default:
      return exhaustive(e);
  }
}

/** A duty's length in minutes from its "HH:MM" start and end; one ending before it starts ends the next day. */
function dutyLength(duty: DutyState): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const span = minutes(duty.end) - minutes(duty.start);
  return span > 0 ? span : span + 1440;
}

/** A duty adds each served member's minutes to `minutesByMember`, over-full sign-ups included. */
export function dutyContributions(duty: DutyState): Contribution[] {
  const out: Contribution[] = [];
  for (const [memberId, s] of servedSignups(duty)) if (s.minutes) out.push(['minutes', memberId, s.minutes]);
  return out;
}
