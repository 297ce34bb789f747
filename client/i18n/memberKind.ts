import type { MemberParty, Role } from '../../shared/roles.ts';
import { type MessageKey, t } from './index.ts';

/** "三方成员 · 业委会", "居民" or "共建单位 · 阳光物业": what a member is, or what an invite makes you. */
export function memberKind(m: { role: Role; party: MemberParty; unit?: string | undefined }): string {
  const role = t(`role.${m.role}` as MessageKey);
  if (m.unit !== undefined) return `${role} · ${m.unit}`;
  return m.party === 'none' ? role : `${role} · ${t(`party.${m.party}` as MessageKey)}`;
}
