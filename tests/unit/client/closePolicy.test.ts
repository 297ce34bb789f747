import { describe, expect, it } from 'vitest';
import {
  type CloseDecision,
  closePolicy,
  RATE_LIMIT_WAIT_MS,
  RECOVERY_LOOP_MS,
  SERVER_ERROR_MAX_WAIT_MS,
  SERVER_ERROR_WAIT_MS,
} from '../../../client/sync/closePolicy.ts';
import { TicketClose } from '../../../client/sync/ticketSocket.ts';
import { CloseCode } from '../../../shared/errors.ts';

const now = 1_750_000_000_000;

describe('what a document does when the relay closes its socket', () => {
  it('the relay’s own codes and the ticket socket’s are apart: a refused ticket is never read as a role change', () => {
    const relay = new Set<number>(Object.values(CloseCode));
    expect(Object.values(TicketClose).filter((c) => relay.has(c))).toEqual([]);
  });

  const expected: Record<CloseCode, CloseDecision> = {
    [CloseCode.BadMessage]: 'recover',
    [CloseCode.Unauthenticated]: 'fatal',
    [CloseCode.Forbidden]: 'recover',
    [CloseCode.NotFound]: 'stop',
    [CloseCode.TooLarge]: 'stop',
    [CloseCode.UpdateRejected]: 'recover',
    [CloseCode.RateLimited]: { wait: RATE_LIMIT_WAIT_MS },
    [CloseCode.ServerError]: 'reconnect',
    [CloseCode.GoingAway]: 'reconnect',
    // Made an admin, or an admin no longer: the relay checks the reconnected socket under the new role.
    [CloseCode.RoleChanged]: 'reconnect',
    // Tomorrow the quota is back; until then the document waits for the member.
    [CloseCode.QuotaExceeded]: 'stop',
  };

  for (const code of Object.values(CloseCode)) {
    it(`a first ${code} means ${JSON.stringify(expected[code])}`, () => {
      expect(closePolicy(code, now, undefined, 1)).toEqual(expected[code]);
    });
  }

  it('a 4500 after others in the window waits, doubling up to five minutes; other codes ignore the count', () => {
    expect(closePolicy(CloseCode.ServerError, now, undefined, 1, 0)).toBe('reconnect');
    expect(closePolicy(CloseCode.ServerError, now, undefined, 1, 1)).toEqual({ wait: SERVER_ERROR_WAIT_MS });
    expect(closePolicy(CloseCode.ServerError, now, undefined, 1, 2)).toEqual({ wait: 2 * SERVER_ERROR_WAIT_MS });
    expect(closePolicy(CloseCode.ServerError, now, undefined, 1, 20)).toEqual({ wait: SERVER_ERROR_MAX_WAIT_MS });
    expect(closePolicy(CloseCode.GoingAway, now, undefined, 1, 5)).toBe('reconnect');
    expect(closePolicy(CloseCode.UpdateRejected, now, undefined, 1, 5)).toBe('recover');
  });

  it('a rate limit waits 30 s before the next try', () => {
    expect(closePolicy(CloseCode.RateLimited, now, undefined, 1)).toEqual({ wait: 30_000 });
  });

  it('a refusal within a minute of the last recovery stops instead of recovering again', () => {
    for (const code of [CloseCode.BadMessage, CloseCode.Forbidden, CloseCode.UpdateRejected]) {
      expect(closePolicy(code, now, now - 1_000, 1)).toBe('stop');
      expect(closePolicy(code, now, now - RECOVERY_LOOP_MS + 1, 1)).toBe('stop');
    }
  });

  it('a refusal a minute or more after the last recovery recovers again', () => {
    expect(closePolicy(CloseCode.UpdateRejected, now, now - RECOVERY_LOOP_MS, 1)).toBe('recover');
    expect(closePolicy(CloseCode.Forbidden, now, now - 10 * RECOVERY_LOOP_MS, 1)).toBe('recover');
  });

  it('a recent recovery changes nothing for the codes that do not poison the copy', () => {
    for (const code of Object.values(CloseCode)) {
      if (expected[code] === 'recover') continue;
      expect(closePolicy(code, now, now - 1_000, 1)).toEqual(expected[code]);
    }
  });

  it('a 4403 with nothing unsent is not a refused change: it stops, keeping the copy', () => {
    // At admission: a member made a resident opening the committee document.
    expect(closePolicy(CloseCode.Forbidden, now, undefined, 0)).toBe('stop');
    // A copy may hold what a relay restored from a backup lacks: those still recover.
    expect(closePolicy(CloseCode.UpdateRejected, now, undefined, 0)).toBe('recover');
    expect(closePolicy(CloseCode.BadMessage, now, undefined, 0)).toBe('recover');
  });

  it('closes outside 4400-4499 are transient and reconnect', () => {
    for (const code of [1000, 1001, 1005, 1006, 1011, 4000, 4399, 4500, 4503]) {
      expect(closePolicy(code, now, undefined, 1)).toBe('reconnect');
    }
  });

  it('an unknown 44xx code stops and waits for the member', () => {
    expect(closePolicy(4408, now, undefined, 1)).toBe('stop');
    expect(closePolicy(4499, now, undefined, 1)).toBe('stop');
  });
});
