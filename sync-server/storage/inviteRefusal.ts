import type { InviteRow, RedeemRefusal } from './Storage.ts';

/**
 * Why an invite cannot be used at `now`, or undefined when it can: one order of checks for
 * redeeming and previewing on every storage, so a preview never promises what joining refuses.
 */
export function inviteRefusal(
  invite: Pick<InviteRow, 'revokedAt' | 'expiresAt' | 'uses' | 'maxUses'>,
  makerActive: boolean,
  now: number,
): RedeemRefusal | undefined {
  if (invite.revokedAt !== null || !makerActive) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used_up';
  return undefined;
}
