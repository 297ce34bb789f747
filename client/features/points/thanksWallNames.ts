import type { PointsState } from '../../../shared/folds/index.ts';
import { thankedMembers } from '../../../shared/folds/index.ts';
import type { Members } from '../../domain/useMembers.ts';

// One collation for every phone and language, so the order is the same everywhere and says nothing of merit.
const byName = new Intl.Collator('zh-CN');

/** The names the thanks wall shows for a month, in the zh collation of the name (pinyin order). */
export function thanksWallNames(points: PointsState, members: Members, month: string): string[] {
  return thankedMembers(points, month)
    .flatMap((id) => {
      const name = members.byId.get(id)?.name;
      return name === undefined ? [] : [name];
    })
    .sort(byName.compare);
}
