import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useHostileRoom } from '../helpers/useHostileRoom.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

// Regression: a SyncStep1 whose state vector Yjs cannot decode threw out of the room.
describe('a SyncStep1 with a malformed state vector', () => {
  const server = useTestServer();
  const h = useHostileRoom(server, 'public');

  for (const [name, sv] of [
    ['a truncated state vector', [0x05, 0x80]],
    ['a varint longer than 53 bits', [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x00]],
  ] as const) {
    it(`${name} closes only its sender with 4400`, async () => {
      const before = await h.storedBytes();
      const raw = await openRaw(server.wsUrl, h.attacker);
      raw.send(syncFrame(0, new Uint8Array(sv)));
      const closed = await raw.closed;
      expect(closed.code).toBe(CloseCode.BadMessage);
      expect(closed.reason).toMatch(/^malformed/);
      await h.expectUnharmed(before);
    });
  }
});
