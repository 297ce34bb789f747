import type { RostersState } from '../../../shared/folds/index.ts';

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
