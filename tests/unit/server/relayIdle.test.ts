import { describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/roles.ts';
import { parseDocName } from '../../../shared/rooms.ts';
import { Relay } from '../../../sync-server/relay/Relay.ts';
import type { RelaySocket } from '../../../sync-server/relay/types.ts';
import type { DocStore } from '../../../sync-server/storage/Storage.ts';
import { eventually } from '../../helpers/eventually.ts';
import { roomyLimits as limits } from '../../helpers/relayLimits.ts';

const member: Member = { memberId: 'm1', compoundId: 'c1', name: '王秀英', role: 'admin', party: 'owners' };

const docs: DocStore = {
  load: async () => [],
  async *loadBatches() {},
  append: () => undefined,
  count: async () => 0,
  compact: async () => ({ before: 0, after: 0 }),
  bytes: async () => 0,
};

const socket = (): RelaySocket => ({ send: () => undefined, close: () => undefined, bufferedAmount: 0 });

describe('the relay says when it has no room left in memory', () => {
  it('tells once the last of two rooms has unloaded, not when the first does', async () => {
    const relay = new Relay(docs, {
      limits,
      policy: { check: () => ({ changed: false }) },
      compactEvery: 100,
      idleMs: 5,
      log: () => undefined,
    });
    let idle = 0;
    relay.onIdle = () => idle++;
    const pub = relay.connect(socket(), member, parseDocName('public')!)!;
    const committee = relay.connect(socket(), member, parseDocName('committee')!)!;
    await relay.room('c1/public', parseDocName('public')!).ready;
    pub.close(1000, 'bye');
    await eventually(() => expect(relay.stats().rooms).toBe(1));
    expect(idle).toBe(0);
    committee.close(1000, 'bye');
    await eventually(() => expect(relay.stats().rooms).toBe(0));
    expect(idle).toBe(1);
  });
});
