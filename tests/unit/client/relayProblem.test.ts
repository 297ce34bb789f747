import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelayProblem, type RelayProblemOptions } from '../../../client/sync/RelayProblem.ts';
import { CloseCode } from '../../../shared/errors.ts';

/** A document's standing with the relay, with what it asks of its handle recorded. */
function relayProblem(unsent = 0) {
  const asked: string[] = [];
  const opts: RelayProblemOptions = {
    unsent: () => unsent,
    recover: (code) => asked.push(`recover ${code}`),
    retry: () => asked.push('retry'),
    onFatal: (code) => asked.push(`fatal ${code}`),
    onRoleChanged: () => asked.push('role'),
  };
  return { problem: new RelayProblem(opts), asked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('what the relay’s closes of a document lead to', () => {
  it('a stop that came while a rate limit waited stays when the wait ends (no reconnect by itself)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { problem, asked } = relayProblem();
    problem.closed(CloseCode.RateLimited, 'rate');
    expect(problem.current()).toMatchObject({ kind: 'waiting', code: CloseCode.RateLimited });
    problem.closed(CloseCode.QuotaExceeded, 'quota');
    vi.runAllTimers();
    expect(problem.current()?.kind).toBe('closed');
    expect(problem.stopped).toBe(true);
    expect(asked).toEqual([]);
  });

  it('a wait that ends tries the relay again through the handle', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { problem, asked } = relayProblem();
    problem.closed(CloseCode.RateLimited, 'rate');
    expect(problem.current()).toMatchObject({ kind: 'waiting', retryAt: Date.now() + 30_000 });
    vi.advanceTimersByTime(29_999);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual(['retry']);
  });

  it('a copy that closes meanwhile is not retried', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { problem, asked } = relayProblem();
    problem.closed(CloseCode.RateLimited, 'rate');
    problem.cancelWait();
    vi.runAllTimers();
    expect(asked).toEqual([]);
  });

  // The relay answers a phone's SyncStep1 before it checks the update its code failed on, so the
  // provider's back-off starts over at every connect: without this, a retry every ~200 ms for good.
  it('a relay that fails again (4500) makes the document wait longer each time, then try by itself', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { problem } = relayProblem();
    expect(problem.decide(CloseCode.ServerError)).toBe('reconnect');
    expect(problem.decide(CloseCode.ServerError)).toEqual({ wait: 30_000 });
    problem.closed(CloseCode.ServerError, 'the relay failed on this message');
    expect(problem.current()).toMatchObject({ kind: 'waiting', code: CloseCode.ServerError });
    expect(problem.decide(CloseCode.ServerError)).toEqual({ wait: 60_000 });
    // Ten quiet minutes later, a 4500 is a first one again.
    vi.advanceTimersByTime(11 * 60_000);
    expect(problem.decide(CloseCode.ServerError)).toBe('reconnect');
  });

  it('a refused change resets the copy once; a second refusal within a minute stops the document', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { problem, asked } = relayProblem(1);
    problem.closed(CloseCode.UpdateRejected, 'refused');
    expect(asked).toEqual([`recover ${CloseCode.UpdateRejected}`]);
    expect(problem.current()).toBeUndefined();
    vi.advanceTimersByTime(30_000);
    problem.closed(CloseCode.UpdateRejected, 'refused again');
    expect(problem.current()).toMatchObject({ kind: 'closed', code: CloseCode.UpdateRejected });
    expect(asked).toEqual([`recover ${CloseCode.UpdateRejected}`]);
  });

  it('a close asked about by the provider is decided once: the role is read once, not twice', () => {
    const { problem, asked } = relayProblem();
    expect(problem.decide(CloseCode.RoleChanged)).toBe('reconnect');
    problem.closed(CloseCode.RoleChanged, 'role changed: committee');
    expect(asked).toEqual(['role']);
    expect(problem.current()).toBeUndefined();
  });

  it('4401 stops the document and tells the session the account cannot reach the compound', () => {
    const { problem, asked } = relayProblem();
    problem.closed(CloseCode.Unauthenticated, 'token');
    expect(problem.current()).toMatchObject({ kind: 'closed', code: CloseCode.Unauthenticated });
    expect(asked).toEqual([`fatal ${CloseCode.Unauthenticated}`]);
  });
});
