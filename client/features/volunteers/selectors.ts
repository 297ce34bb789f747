import type { RostersState } from '../../../shared/folds/index.ts';
import type { DutyAnomaly } from '../../domain/useRosters.ts';

/**
 * Per duty, the members whose sign-up came after the last slot was taken (two phones offline) and
 * who hold no slot now: the duty is over-full until the lead settles it.
 */
export function overfullByDuty(anomalies: readonly DutyAnomaly[], rosters: RostersState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of anomalies) {
    if (a.reason.code !== 'no_free_slot' || a.memberId === null) continue;
    const duty = rosters.duties[a.dutyId];
    if (duty?.status !== 'open' || a.memberId in duty.signups) continue;
    const list = out.get(a.dutyId) ?? [];
    if (!list.includes(a.memberId)) list.push(a.memberId);
    out.set(a.dutyId, list);
  }
  return out;
}
