import { CloseCode, poisoningCloseCodes } from '../../shared/errors.ts';

/** How long a rate-limited document waits before it tries the relay again. */
export const RATE_LIMIT_WAIT_MS = 30_000;
/** A second poisoning this soon after a recovery stops the loop and waits for the member. */
export const RECOVERY_LOOP_MS = 60_000;

/**
 * What a document does after the relay closed its socket:
 * - `reconnect`: a transient close; the provider retries with its backoff.
 * - `recover`: the local copy holds something the relay refused; save it, clear it, reload.
 * - `stop`: show the close and wait for the member.
 * - `fatal`: stop, and tell the session the account cannot reach this compound any more.
 * - `{ wait }`: rate-limited; try again after that many ms.
 */
export type CloseDecision = 'reconnect' | 'recover' | 'stop' | 'fatal' | { wait: number };

/**
 * Decides what a close code means; `lastRecovery` is when this document last recovered, if ever;
 * `unsent`, how many changes of this copy the relay has not confirmed. A 4403 with none unsent is
 * not a refused change: the relay closed the socket for who the member is (a document they may not
 * read, say a committee member made a resident), so the copy is kept and the document stops, with
 * no files and no "your change was refused". (A 4400 or 4422 with none unsent still recovers: a
 * copy can hold what a relay restored from a backup lacks.)
 */
export function closePolicy(
  code: number,
  now: number,
  lastRecovery: number | undefined,
  unsent: number,
): CloseDecision {
  // The 44xx range mirrors HTTP 4xx: retrying the same thing cannot help, anything else is transient.
  if (code < 4400 || code >= 4500) return 'reconnect';
  if (poisoningCloseCodes.includes(code)) {
    if (code === CloseCode.Forbidden && unsent === 0) return 'stop';
    const looping = lastRecovery !== undefined && now - lastRecovery < RECOVERY_LOOP_MS;
    return looping ? 'stop' : 'recover';
  }
  if (code === CloseCode.RateLimited) return { wait: RATE_LIMIT_WAIT_MS };
  if (code === CloseCode.Unauthenticated) return 'fatal';
  // 4404 names this document (a meeting id from a damaged link, say), not the compound: a compound
  // that is gone answers 4401 here and 404 on the API, which marks the account lost.
  return 'stop';
}
