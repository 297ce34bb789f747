import type * as Y from 'yjs';
import { type EventOf, fastEvent } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import type { CompoundState } from '../folds/CompoundState.ts';
import { mostHoursSuggested } from '../folds/pointsHours.ts';
import { servedMinutes } from '../folds/rosterQueries.ts';
import { eventsHeldBy } from './causalPast.ts';

type ShiftTime = EventOf<'roster.checked-out'> | EventOf<'roster.attendance.corrected'>;

/**
 * Whether an award a committee member gives themself by a rule breaks a causal rule. Such an award
 * is a suggestion confirmed (by hand, it is the permission table's `award_to_self`), and a
 * suggestion comes from what its phone's copy held: the rule rewards the one source the award
 * names (`source_kind`: a duty hour, a meeting, a snap report); the duty's times or the report name
 * the member (`not_own_source`); and `units` are no more than the suggestion gives (`units_over`:
 * the hours served, else one). So naming any source no longer turns 记分 by hand into a suggestion.
 *
 * Of a duty, the most hours any phone could have shown: the author's copy may hold more than the
 * award's causal past, and an older app counted differently (the check-out's minutes as claimed,
 * the last correction in the log, hours rounded to the nearest), so every correction of the shift
 * the relay holds counts, and each check-out unless the causal past holds a correction (every
 * version reads a correction over the phone's times). A meeting's attendance lives in its minutes,
 * another document that reaches the relay on its own socket in no set order: not checked here.
 * `applied`: whether the relay's fold took an event (ignored steps count for nothing).
 */
export function selfAwardRefusal(
  events: Y.Array<unknown>,
  state: CompoundState,
  event: EventOf<'points.awarded'>,
  applied: (eventId: string) => boolean,
): AnomalyReason | undefined {
  if (event.memberId !== event.by || event.ruleId === undefined) return undefined;
  const rule = Object.hasOwn(state.points.rules, event.ruleId) ? state.points.rules[event.ruleId] : undefined;
  if (!rule) return undefined;
  const { dutyId, meetingId, requestId } = event;
  const named = [dutyId, meetingId, requestId].filter((id) => id !== undefined).length;
  const kind = dutyId !== undefined ? 'duty_hour' : meetingId !== undefined ? 'meeting' : 'snap_report';
  if (named !== 1 || rule.kind !== kind) return { code: 'source_kind' };
  const units = event.units ?? 1;
  if (requestId !== undefined) {
    const report = Object.hasOwn(state.agenda.requests, requestId) ? state.agenda.requests[requestId] : undefined;
    if (!report?.snap || report.raisedBy !== event.by) return { code: 'not_own_source' };
  }
  if (dutyId === undefined) return units > 1 ? { code: 'units_over' } : undefined;
  const minutes = mostMinutesShown(events, event, dutyId, applied);
  if (minutes === 0) return { code: 'not_own_source' };
  return units > mostHoursSuggested(minutes) ? { code: 'units_over' } : undefined;
}

/** The most minutes of the author's shift on the duty any copy they could have held showed (0: none served). */
function mostMinutesShown(
  events: Y.Array<unknown>,
  award: EventOf<'points.awarded'>,
  dutyId: string,
  applied: (eventId: string) => boolean,
): number {
  const found = eventsHeldBy(events, award.id, (raw): ShiftTime | undefined => {
    const e = fastEvent(raw);
    if (e?.type !== 'roster.checked-out' && e?.type !== 'roster.attendance.corrected') return undefined;
    return e.dutyId === dutyId && e.memberId === award.by && applied(e.id) ? e : undefined;
  });
  const corrected = found.some(({ event: e, held }) => held && e.type === 'roster.attendance.corrected');
  let most = 0;
  for (const { event: e } of found) {
    if (e.type === 'roster.attendance.corrected') most = Math.max(most, servedMinutes(e.checkedInAt, e.checkedOutAt));
    else if (!corrected) most = Math.max(most, e.minutes);
  }
  return most;
}
