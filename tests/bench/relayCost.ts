/**
 * The relay's CPU per accepted update, in one process with no sockets: the fan-out's shape (rooms of
 * one writer and two readers, one `request.raised` per update) through the relay core with SQLite,
 * validation and the causal fold, counted in CPU time so that other processes on the machine barely
 * move it. Run alone: `node --import tsx tests/bench/relayCost.ts` (RELAY_COST_ROOMS, RELAY_COST_UPDATES
 * per room); add --cpu-prof to see where the time goes. Prints figures and asserts nothing.
 */
import * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { defaultValidationLimits } from '../../shared/rules/validateUpdate.ts';
import { installAppendInPlace } from '../../shared/yjs/appendInPlace.ts';
import { installReadAnyFast } from '../../shared/yjs/readAnyFast.ts';
import { readConfig } from '../../sync-server/config.ts';
import { governance } from '../../sync-server/governance.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { syncFrame } from '../helpers/rawSocket.ts';
import { benchDir, removeBenchDirs } from './processes.ts';

installReadAnyFast();
installAppendInPlace();

const rooms = Number(process.env.RELAY_COST_ROOMS ?? 100);
const updates = Number(process.env.RELAY_COST_UPDATES ?? 600);
const config = readConfig({});
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const turn = () => new Promise((resolve) => setImmediate(resolve));

export interface RelayCost {
  updates: number;
  deliveries: number;
  /** CPU per accepted update (validate, apply, fold, store, forward to two readers), µs. */
  cpuUsPerUpdate: number;
}

export async function relayCost(): Promise<RelayCost> {
  const storage = openSqliteStorage(benchDir(), { synchronous: config.sqliteSync });
  const relay = new Relay(storage.docs, {
    ...config.relay,
    limits: {
      ...config.relay.limits,
      messagesPerSecond: 1e9,
      messageBurst: 1e9,
      bytesPerSecond: 1e12,
      byteBurst: 1e12,
    },
    policy: governance(defaultValidationLimits),
    log: () => undefined,
  });
  const ref = parseDocName('public')!;
  let deliveries = 0;
  const socket = { bufferedAmount: 0, send: () => void deliveries++, close: () => undefined };
  const writers: { conn: NonNullable<ReturnType<Relay['connect']>>; next: () => Uint8Array }[] = [];
  for (let r = 0; r < rooms; r++) {
    const member: Member = { memberId: `m${r}`, compoundId: `c${r}`, name: '李', role: 'committee', party: 'owners' };
    const conn = relay.connect({ ...socket, send: () => undefined }, member, ref)!;
    relay.connect(socket, member, ref);
    relay.connect(socket, member, ref);
    await relay.room(`c${r}/public`, ref).ready;
    const doc = new Y.Doc();
    let last: Uint8Array | undefined;
    doc.on('update', (u: Uint8Array) => {
      last = u;
    });
    let seq = 0;
    const next = () => {
      doc.getArray('events').push([
        {
          id: `e${r}-${++seq}`,
          type: 'request.raised',
          at: Date.now(),
          by: member.memberId,
          title: '3号楼门口路灯坏了',
          category: 'lighting',
          detail: String(Date.now()),
        },
      ]);
      return syncFrame(2, last!);
    };
    writers.push({ conn, next });
  }
  // The writers' frames are made before the clock starts: only the relay's work is counted.
  const frames = (n: number) => Array.from({ length: n }, () => writers.map((w) => w.next()));
  const run = async (rounds: Uint8Array[][]) => {
    for (const round of rounds) {
      for (const [i, w] of writers.entries()) w.conn.receive(round[i]!);
      await turn();
    }
  };
  await run(frames(20));
  const measured = frames(updates);
  deliveries = 0;
  const t = cpuMs();
  await run(measured);
  await turn();
  const ms = cpuMs() - t;
  for (const room of [...Array(rooms).keys()]) relay.room(`c${room}/public`, ref).destroy();
  storage.close?.();
  return { updates: updates * rooms, deliveries, cpuUsPerUpdate: (ms * 1000) / (updates * rooms) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const r = await relayCost();
    console.log(
      `${r.updates} updates in ${rooms} rooms, ${r.deliveries} deliveries: ${r.cpuUsPerUpdate.toFixed(1)} µs CPU per update`,
    );
  } finally {
    removeBenchDirs();
  }
}
