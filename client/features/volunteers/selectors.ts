import { MAX_SLOTS } from '../../../shared/events/roster.ts';
import type { DutyState, RostersState } from '../../../shared/folds/index.ts';

/**
 * Per duty, the members whose sign-up came after the last place was taken (two phones offline) and
 * who hold no place: the open duty is over-full until the lead settles it.
 */
export function overfullByDuty(rosters: RostersState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const duty of Object.values(rosters.duties)) {
    const members = Object.keys(duty.overfull);
    if (duty.status === 'open' && members.length > 0) out.set(duty.id, members.sort());
  }
  return out;
}

/**
 * 增加名额 as offered: as many more places as there are over-full sign-ups, but no more than a duty
 * may have (`MAX_SLOTS`, which the relay holds raises to); undefined when no place can be added.
 */
export function raiseOffer(duty: DutyState): { more: number; to: number } | undefined {
  const to = Math.min(MAX_SLOTS, duty.slots + Object.keys(duty.overfull).length);
  return to > duty.slots ? { more: to - duty.slots, to } : undefined;
}
