import type { MeetingKind } from '../events/meeting.ts';
import type { CompoundState } from './CompoundState.ts';

const DAY = 86_400_000;

/** How far apart meetings of a kind may be: 三方联席会议 at least quarterly, 业主大会 yearly. */
export const cadenceLimits: Partial<Record<MeetingKind, number>> = {
  'three-party': 92 * DAY,
  'owners-assembly': 365 * DAY,
};

export interface CadenceStatus {
  kind: MeetingKind;
  /** The latest meeting of the kind held (started, not cancelled) by now. */
  lastHeld: { meetingId: string; startsAt: number } | null;
  /** The next meeting must start by then; null if none was ever held. */
  dueBy: number | null;
  /** The earliest meeting of the kind still to come. */
  next: { meetingId: string; startsAt: number } | null;
  /** Past due with no meeting held in time (or never held at all). */
  overdue: boolean;
  /** The next meeting is planned after the due time. */
  nextIsLate: boolean;
}

/** Whether the three-party meeting and the owners' assembly keep their cadence at `now`. */
export function meetingCadence(state: CompoundState, now: number): CadenceStatus[] {
  return (Object.keys(cadenceLimits) as MeetingKind[]).map((kind) => {
    let lastHeld: CadenceStatus['lastHeld'] = null;
    let next: CadenceStatus['next'] = null;
    for (const m of Object.values(state.meetings.meetings)) {
      if (m.kind !== kind || m.status === 'cancelled') continue;
      const at = { meetingId: m.meetingId, startsAt: m.startsAt };
      if (m.startsAt <= now) {
        if (!lastHeld || m.startsAt > lastHeld.startsAt) lastHeld = at;
      } else if (!next || m.startsAt < next.startsAt) next = at;
    }
    const dueBy = lastHeld ? lastHeld.startsAt + (cadenceLimits[kind] ?? 0) : null;
    return {
      kind,
      lastHeld,
      dueBy,
      next,
      overdue: dueBy === null || now > dueBy,
      nextIsLate: dueBy !== null && next !== null && next.startsAt > dueBy,
    };
  });
}
