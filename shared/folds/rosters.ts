import type { EventOf } from '../events/index.ts';
import type { rosterEvents } from '../events/roster.ts';
import { dutyStep, isLeadStep, leadStepRefusal, type MemberSteps, type Signup } from './dutySignups.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer, type Stamp } from './stamp.ts';

export interface TeamState {
  id: string;
  name: string;
  purpose: string | null;
  leaderId: string | null;
  /**
   * Everyone the team was ever given to, sorted. A lead's correction counts if its author is one:
   * a change of lead made offline beside it is a concurrent conflict, not a reason to drop a shift's
   * times in one merge order and keep them in another. The relay refuses a correction whose
   * author's copy held the lead changed away from them (`rosterRefusal.ts`).
   */
  leaders: string[];
  createdAt: number;
  createdBy: string;
  /** The edit each field holds: the latest by (at, id), wherever the log holds the edits. */
  edits: Partial<Record<TeamField, Stamp>>;
}

type TeamField = 'name' | 'purpose' | 'leaderId';

export interface DutyState {
  id: string;
  teamId: string;
  title: string | null;
  day: string;
  start: string;
  end: string;
  place: string;
  /** The places: as the duty was created, or the largest number a raise (增加名额) names. */
  slots: number;
  /** The raise whose number holds, with the places the duty was created with; null if never raised. */
  raised: (Stamp & { by: string; from: number }) | null;
  freeSlots: number;
  status: 'open' | 'cancelled';
  cancelReason: string | null;
  /** The cancellation whose reason stands: the earliest by (at, id). */
  cancelled: Stamp | null;
  /**
   * Sign-ups holding a place, by member: the `slots` earliest by (at, id) of those not withdrawn (a
   * member who checked in or was corrected stays, withdrawn or not: time served is a fact).
   */
  signups: Record<string, Signup>;
  /**
   * Sign-ups beyond the places (two phones offline took the last one, a walk-in's QR), by member:
   * over-full for the lead to settle, yet each holds its check-in, check-out and corrections, as
   * time served counts whoever was meant to come. The first takes a place a withdrawal frees.
   */
  overfull: Record<string, Signup>;
  /**
   * Sign-ups the lead or a committee member set to standby (候补), by member: no place, no over-full
   * note; each still checks in and out and counts its time. Absent in states folded before it existed.
   */
  standby?: Record<string, Signup>;
  /** Each member's steps on the duty, which `signups` and `overfull` are worked out from. */
  steps: Record<string, MemberSteps>;
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
          : // A lead's step reads who led the team: a later-synced handover refolds it.
            isLeadStep(e)
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
          leaders: e.leaderId ? [e.leaderId] : [],
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
        if (e.leaderId !== undefined && !team.leaders.includes(e.leaderId))
          team.leaders = [...team.leaders, e.leaderId].sort();
        if (e.leaderId !== undefined && newer('leaderId')) {
          team.leaderId = e.leaderId;
          edits.leaderId = stamp;
        }
        team.edits = edits;
        return undefined;
      }
      case 'roster.duty.created':
        if (!ctx.existed(teamKey(e.teamId))) return { code: 'no_such', thing: 'team' };
        ctx.put(dutyKey(e.id), newDuty(e));
        return undefined;
      default: {
        const duty = ctx.get<DutyState>(dutyKey(e.dutyId));
        if (!duty) return { code: 'no_such', thing: 'duty' };
        // Time served is a fact: a check-in, check-out or correction written while the duty was
        // cancelled on another phone counts, wherever the log holds the cancellation; so do a
        // sign-up or a withdrawal written then (the duty shows cancelled, with who had signed up),
        // in every merge order. The relay refuses a sign-up whose author saw the duty cancelled.
        if (isLeadStep(e)) {
          const refused = leadStepRefusal(duty, e, ctx.peek<TeamState>(teamKey(e.teamId))?.leaders ?? []);
          if (refused) return refused;
        }
        return dutyStep(duty, e);
      }
    }
  },
};

/** A duty as its creation sets it: every place free. */
export function newDuty(e: EventOf<'roster.duty.created'>): DutyState {
  return {
    id: e.id,
    teamId: e.teamId,
    title: e.title ?? null,
    day: e.day,
    start: e.start,
    end: e.end,
    place: e.place,
    slots: e.slots,
    raised: null,
    freeSlots: e.slots,
    status: 'open',
    cancelReason: null,
    cancelled: null,
    signups: {},
    overfull: {},
    standby: {},
    steps: {},
    createdAt: e.at,
  };
}
