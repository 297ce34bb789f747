import type { GridPost } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';

/** "3号楼 楼栋长" or "3号楼 邻长". */
export function postTitle(post: GridPost): string {
  return `${post.building} ${t(post.role === 'building' ? 'grid.buildingLead' : 'grid.neighbourLead')}`;
}
