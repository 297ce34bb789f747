import { CloseCode, poisoningCloseCodes } from '../../shared/errors.ts';

/** How long a rate-limited document waits before it tries the relay again. */
export const RATE_LIMIT_WAIT_MS = 30_000;
/** A second poisoning this soon after a recovery stops the loop and waits for the member. */
export const RECOVERY_LOOP_MS = 60_000;
/** 4500s of one document this close together count as one run: each after the first waits longer. */
export const SERVER_ERROR_WINDOW_MS = 10 * 60_000;
/** The wait after a second 4500 in the window; it doubles with each further one, up to the most. */
export const SERVER_ERROR_WAIT_MS = 30_000;
export const SERVER_ERROR_MAX_WAIT_MS = 5 * 60_000;

/**
 * What a document does after the relay closed its socket:
 * - `reconnect`: a transient close; the provider retries with its backoff.
 * - `recover`: the local copy holds something the relay refused; save it, clear it, reload.
 * - `stop`: show the close and wait for the member.
 * - `fatal`: stop, and tell the session the account cannot reach this compound any more.
 * - `{ wait }`: rate-limited, or the relay keeps failing; try again after that many ms.
 */
export type CloseDecision = 'reconnect' | 'recover' | 'stop' | 'fatal' | { wait: number };

/**
 * Decides what a close code means; `lastRecovery` is when this document last recovered, if ever;
 * `unsent`, how many changes of this copy the relay has not confirmed. A 4403 with none unsent is
 * not a refused change: the relay closed the socket for who the member is (a document they may not
 * read, say a committee member made a resident), so the copy is kept and the document stops, with
 * no files and no "your change was refused". (A 4400 or 4422 with none unsent still recovers: a
 * copy can hold what a relay restored from a backup lacks.)
 * `recentServerErrors`: how many 4500s this document had in the `SERVER_ERROR_WINDOW_MS` before this
 * close. A first one reconnects at once (a storage hiccup); the relay answers a phone's SyncStep1
 * before it checks the update that failed, so the provider's own back-off starts over each time and
 * a relay that fails on the same update again would be asked every fraction of a second.
 */
export function closePolicy(
  code: number,
  now: number,
  lastRecovery: number | undefined,
  unsent: number,
  recentServerErrors = 0,
): CloseDecision {
  if (code === CloseCode.ServerError && recentServerErrors > 0) {
    return { wait: Math.min(SERVER_ERROR_WAIT_MS * 2 ** (recentServerErrors - 1), SERVER_ERROR_MAX_WAIT_MS) };
  }
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
