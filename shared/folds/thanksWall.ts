import { shanghaiDay } from '../time.ts';
import type { PointsState } from './points.ts';

/** True once the committee turned the thanks wall on (off by default). */
export function thanksWallOn(points: PointsState): boolean {
  return points.thanksWall?.on ?? false;
}

/**
 * Members thanked in a month ("YYYY-MM", Asia/Shanghai): at least one award of points that month
 * not reversed by a correction. Ids in no meaningful order: the wall orders by name, never by merit.
 */
export function thankedMembers(points: PointsState, month: string): string[] {
  const out: string[] = [];
  for (const acct of Object.values(points.accounts)) {
    const corrected = new Set(acct.history.flatMap((h) => (h.targetEventId === null ? [] : [h.targetEventId])));
    const thanked = acct.history.some(
      (h) => h.kind === 'award' && h.delta > 0 && !corrected.has(h.eventId) && shanghaiDay(h.at).startsWith(month),
    );
    if (thanked) out.push(acct.memberId);
  }
  return out;
}
