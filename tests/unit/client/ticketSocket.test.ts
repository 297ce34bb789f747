import { describe, expect, it } from 'vitest';
import { closePolicy } from '../../../client/sync/closePolicy.ts';
import { TicketClose, ticketSocket } from '../../../client/sync/ticketSocket.ts';
import { ApiError } from '../../../shared/api/ApiError.ts';
import { CloseCode, ApiErrorCode as Code } from '../../../shared/errors.ts';
import { eventually } from '../../helpers/eventually.ts';

/** A stand-in for the browser's WebSocket that only records how it was opened. */
class FakeSocket {
  static opened: string[] = [];
  static last: FakeSocket | undefined;
  binaryType = 'blob';
  readyState = 0;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(url);
    FakeSocket.last = this;
  }
  close(): void {}
  send(): void {}
}

const Base = FakeSocket as unknown as typeof WebSocket;

/** Opens one ticket socket whose ticket request fails with `error`; resolves with the close it reports. */
function closeOf(error: unknown): Promise<{ code: number; reason: string }> {
  const Socket = ticketSocket(() => Promise.reject(error), Base);
  const socket = new Socket('ws://relay.test/sync/c1/public');
  return new Promise((resolve) => {
    socket.onclose = (e) => resolve({ code: e.code, reason: e.reason });
  });
}

describe('a ticket socket', () => {
  it('opens the provider’s URL with the ticket in place of any token', async () => {
    FakeSocket.opened = [];
    const Socket = ticketSocket(async () => 't-1', Base);
    const socket = new Socket('ws://relay.test/sync/c1/public?token=secret');
    socket.binaryType = 'arraybuffer';
    await eventually(() => expect(FakeSocket.opened).toEqual(['ws://relay.test/sync/c1/public?ticket=t-1']));
    expect(socket.readyState).toBe(socket.CONNECTING);
  });

  it('closed before its ticket arrives, opens nothing', async () => {
    FakeSocket.opened = [];
    let give: (t: string) => void = () => {};
    const Socket = ticketSocket(() => new Promise<string>((r) => (give = r)), Base);
    const socket = new Socket('ws://relay.test/sync/c1/public');
    socket.close();
    give('t-late');
    await Promise.resolve();
    expect(FakeSocket.opened).toEqual([]);
    expect(socket.readyState).toBe(socket.CLOSED);
  });

  it('reports a refused token as 4401, which stops the document for good', async () => {
    const close = await closeOf(new ApiError(401, Code.Unauthenticated, 'a valid Bearer token is required'));
    expect(close.code).toBe(CloseCode.Unauthenticated);
    expect(closePolicy(close.code, 0, undefined, 1)).toBe('fatal');
  });

  it('reports a rate-limited ticket request as 4429, which waits', async () => {
    const close = await closeOf(new ApiError(429, Code.RateLimited, 'too many requests'));
    expect(close.code).toBe(CloseCode.RateLimited);
  });

  it('reports no answer, or any other refusal, as a transient close the provider retries', async () => {
    for (const error of [
      new ApiError(0, 'network', 'offline'),
      new ApiError(500, Code.Internal, 'internal error'),
      new ApiError(404, Code.NotFound, 'no route'),
      new TypeError('failed to fetch'),
    ]) {
      const close = await closeOf(error);
      expect(close.code).toBe(TicketClose.Unavailable);
      expect(closePolicy(close.code, 0, undefined, 1)).toBe('reconnect');
    }
  });

  it('reports the relay’s 4401 on a ticket socket as a refused ticket, to be retried', async () => {
    FakeSocket.opened = [];
    const Socket = ticketSocket(async () => 't-2', Base);
    const socket = new Socket('ws://relay.test/sync/c1/public');
    const closes: number[] = [];
    socket.onclose = (e) => closes.push(e.code);
    await eventually(() => expect(FakeSocket.opened).toHaveLength(1));
    FakeSocket.last?.onclose?.({
      code: CloseCode.Unauthenticated,
      reason: 'missing, unknown, expired or revoked credential',
    });
    expect(closes).toEqual([TicketClose.Refused]);
    expect(closePolicy(TicketClose.Refused, 0, undefined, 1)).toBe('reconnect');
  });
});
