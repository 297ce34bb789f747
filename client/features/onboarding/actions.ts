import type { Party } from '../../../shared/roles.ts';
import { accountFor, saveAccount } from '../../domain/accounts.ts';
import { api, type Credentials } from '../../domain/api.ts';

async function keep(creds: Credentials, compoundName: string, name: string): Promise<void> {
  await saveAccount({
    compoundId: creds.compoundId,
    compoundName,
    memberId: creds.memberId,
    name,
    role: creds.role,
    party: creds.party,
    ...(creds.unit !== undefined ? { unit: creds.unit } : {}),
    token: creds.token,
    addedAt: accountFor(creds.compoundId)?.addedAt ?? Date.now(),
  });
}

/** Creates a compound (needs the network) and keeps its admin token on this phone. */
export async function createCompound(input: { name: string; founderName: string; party: Party }): Promise<string> {
  const name = input.name.trim();
  const founderName = input.founderName.trim();
  const creds = await api.createCompound({ name, founderName, party: input.party });
  await keep(creds, name, founderName);
  return creds.compoundId;
}

/** The code inside whatever was pasted: a bare code, `/join/<code>` or a full invite link. */
export function inviteCodeFrom(text: string): string {
  const s = text.trim();
  const m = /\/join\/([^/?#\s]+)/.exec(s);
  if (!m) return s;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    // A broken escape in a pasted link: the code as it stands (joining says if it is not one).
    return m[1]!;
  }
}

/**
 * Whether typed text is a whole invite: a link, or a code as long as the relay makes them (16
 * random bytes, 22 characters). A half-typed code is not looked up at every pause.
 */
export function looksLikeInvite(text: string): boolean {
  const s = text.trim();
  return /\/join\/[^/?#\s]+/.test(s) || /^[A-Za-z0-9_-]{22,64}$/.test(s);
}

/**
 * Joins with an invite code; a second join of the same compound replaces the old token.
 * `previewedName`, the compound's name the invite's preview gave, stands in if asking for it fails.
 */
export async function joinCompound(code: string, name: string, previewedName?: string): Promise<string> {
  const creds = await api.join({ code: inviteCodeFrom(code), name: name.trim() });
  const compound = await api.compound(creds.compoundId, creds.token).catch(() => undefined);
  const compoundName = compound?.name ?? previewedName ?? accountFor(creds.compoundId)?.compoundName;
  await keep(creds, compoundName ?? creds.compoundId, name.trim());
  return creds.compoundId;
}
