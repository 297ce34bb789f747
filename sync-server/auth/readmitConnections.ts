import { CloseCode } from '../../shared/errors.ts';
import type { Member } from '../../shared/roles.ts';
import type { Relay } from '../relay/Relay.ts';
import type { AccountStore } from '../storage/Storage.ts';
import { activeMember } from './requireMember.ts';

/** How long after a check that storage failed the connections are checked again. */
export const READMIT_RETRY_MS = 1000;
/** Members read from storage in one statement; the event loop gets a turn between two such reads. */
export const READMIT_BATCH = 500;

/**
 * Why a socket admitted as `admitted` may not stay open now that storage holds `now` (undefined:
 * no longer a member), or undefined when it may.
 */
export function outdatedAdmission(
  admitted: Member,
  now: Member | undefined,
): { code: number; reason: string } | undefined {
  if (!now) return { code: CloseCode.Unauthenticated, reason: 'revoked: removed from the compound' };
  if (now.role !== admitted.role || now.party !== admitted.party)
    return { code: CloseCode.RoleChanged, reason: `role changed: ${now.role}` };
  return undefined;
}

/**
 * Checks every connection of this instance against storage, for when word from another instance to
 * close some may have been lost on the bus: a member removed meanwhile is closed with 4401, one whose
 * role or party changed with 4100 (the phone reconnects under its new role and reads it). Members are
 * read `READMIT_BATCH` at a time. Returns the trigger: a call while a check runs is served by one more
 * check after it, never two at once.
 */
export function readmitConnections(relay: Relay, accounts: AccountStore, log: Relay['options']['log']): () => void {
  let running = false;
  let again = false;
  // A batch at a time: Postgres answers hundreds of members in one round trip, and SQLite (which
  // answers at once) lets the relay's frames through between batches.
  const checkAll = async () => {
    const connected = relay.connectedMembers();
    for (let i = 0; i < connected.length; i += READMIT_BATCH) {
      if (i > 0) await new Promise((r) => setImmediate(r));
      const batch = connected.slice(i, i + READMIT_BATCH);
      const rows = new Map((await accounts.getMembers(batch)).map((m) => [m.memberId, m]));
      for (const memberId of batch) {
        const now = activeMember(rows.get(memberId));
        relay.closeWhere(memberId, (admitted) => outdatedAdmission(admitted, now));
      }
    }
  };
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await checkAll();
      } while (again);
    } catch (e) {
      log('error', 'connections not checked again; retrying', { error: String(e) });
      setTimeout(() => void run(), READMIT_RETRY_MS).unref?.();
    } finally {
      running = false;
    }
  };
  return () => void run();
}
