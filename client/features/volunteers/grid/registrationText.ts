import type { ProfileState } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';

/** "3号楼 2单元 · 党员报到服务": where a member registered, in words. */
export function registrationText(p: ProfileState): string {
  const place = [p.building, p.unit].filter(Boolean).join(' ');
  return p.tags.includes('party-member') ? `${place} · ${t('grid.partyMember')}` : place;
}
