import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, RejectReason, RuleError } from '../../../shared/errors.ts';
import type { Member } from '../../../shared/roles.ts';
import { parseDocName } from '../../../shared/rooms.ts';
import { encodeUpdate } from '../../../sync-server/relay/protocol.ts';
import { Relay } from '../../../sync-server/relay/Relay.ts';
import type { RelaySocket, UpdatePolicy } from '../../../sync-server/relay/types.ts';
import type { DocStore } from '../../../sync-server/storage/Storage.ts';
import { eventually } from '../../helpers/eventually.ts';
import { roomyLimits } from '../../helpers/relayLimits.ts';

const member: Member = { memberId: 'm1', compoundId: 'c1', name: '王秀英', role: 'admin', party: 'owners' };

/** A relay over memory, with the policy under test and sockets that record what they get. */
function relayWith(policy: UpdatePolicy) {
  const stored: Uint8Array[] = [];
  const docs: DocStore = {
    load: async () => [],
    async *loadBatches() {},
    append: (_room, update) => {
      stored.push(update);
    },
    count: async () => stored.length,
    compact: async () => ({ before: stored.length, after: stored.length }),
    bytes: async () => 0,
  };
  const relay = new Relay(docs, {
    limits: roomyLimits,
    policy,
    compactEvery: 1000,
    idleMs: 60_000,
    log: () => undefined,
  });
  const socket = () => {
    const s = { sent: [] as Uint8Array[], closes: [] as [number, string][] };
    const raw: RelaySocket = {
      send: (d) => s.sent.push(d),
      close: (code, reason) => s.closes.push([code, reason]),
      bufferedAmount: 0,
    };
    return { ...s, conn: relay.connect(raw, member, parseDocName('public')!)! };
  };
  // Frames received while the room loads are handled, in order, before this settles.
  const loaded = () => relay.room('c1/public', parseDocName('public')!).ready;
  return { stored, socket, loaded };
}

function oneEvent(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('events').push([{ id: 'e1', type: 'request.raised' }]);
  return Y.encodeStateAsUpdate(doc);
}

describe('the relay asks its update policy before applying an update', () => {
  it('an update the policy accepts is stored and forwarded to the others', async () => {
    const seen: string[] = [];
    const { stored, socket, loaded } = relayWith({
      check: (_u, m, room) => {
        seen.push(`${m.memberId} ${room.kind}`);
        return { changed: true };
      },
    });
    const writer = socket();
    const other = socket();
    await loaded();
    const before = other.sent.length;
    writer.conn.receive(encodeUpdate(oneEvent()));
    await eventually(() => expect(stored).toHaveLength(1));
    await eventually(() => expect(other.sent.length).toBe(before + 1));
    expect(seen).toEqual(['m1 public']);
    expect(writer.closes).toEqual([]);
  });

  it('a rule refusal closes the sender with 4422 and its reason, and nothing is stored', async () => {
    const { stored, socket } = relayWith({
      check: () => {
        throw new RuleError(RejectReason.NotPermitted, 'no');
      },
    });
    const writer = socket();
    writer.conn.receive(encodeUpdate(oneEvent()));
    await eventually(() => expect(writer.closes).toEqual([[CloseCode.UpdateRejected, 'not_permitted: no']]));
    expect(stored).toEqual([]);
  });

  it('a read-only refusal is 4403 and a malformed one 4400', async () => {
    for (const [reason, code] of [
      [RejectReason.ReadOnly, CloseCode.Forbidden],
      [RejectReason.Malformed, CloseCode.BadMessage],
    ] as const) {
      const { socket } = relayWith({
        check: () => {
          throw new RuleError(reason, 'x');
        },
      });
      const writer = socket();
      writer.conn.receive(encodeUpdate(oneEvent()));
      await eventually(() => expect(writer.closes[0]?.[0]).toBe(code));
    }
  });

  it('an update that changes nothing is dropped without storing or closing', async () => {
    const { stored, socket, loaded } = relayWith({ check: () => ({ changed: false }) });
    const writer = socket();
    writer.conn.receive(encodeUpdate(oneEvent()));
    await loaded();
    expect(stored).toEqual([]);
    expect(writer.closes).toEqual([]);
  });
});
