import { shanghaiDayStart } from '../time.ts';
import type { PointsState } from './points.ts';

/** True once the committee turned the thanks wall on (off by default). */
export function thanksWallOn(points: PointsState): boolean {
  return points.thanksWall?.on ?? false;
}

/** The Asia/Shanghai month "YYYY-MM" as [start, end) in ms since epoch. */
function monthSpan(month: string): [number, number] {
  const [year = 0, n = 1] = month.split('-').map(Number);
  const next = n === 12 ? `${year + 1}-01` : `${year}-${String(n + 1).padStart(2, '0')}`;
  return [shanghaiDayStart(`${month}-01`), shanghaiDayStart(`${next}-01`)];
}

/**
 * Members thanked in a month ("YYYY-MM", Asia/Shanghai): at least one award of points that month
 * not reversed by a correction. Ids in no meaningful order: the wall orders by name, never by merit.
 */
export function thankedMembers(points: PointsState, month: string): string[] {
  const [start, end] = monthSpan(month);
  const out: string[] = [];
  for (const acct of Object.values(points.accounts)) {
    const awards = acct.history.filter((h) => h.kind === 'award' && h.delta > 0 && h.at >= start && h.at < end);
    if (awards.length === 0) continue;
    const corrected = new Set(acct.history.flatMap((h) => (h.targetEventId === null ? [] : [h.targetEventId])));
    if (awards.some((h) => !corrected.has(h.eventId))) out.push(acct.memberId);
  }
  return out;
}
