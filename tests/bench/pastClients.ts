/**
 * What a room's past phones cost every later update. Each page load of the app is a new Yjs
 * client, and a doc keeps every client that ever wrote; Yjs copies the doc's whole state vector at
 * the start and the end of every transaction (yjs/yjs#415, open), so an update costs more the more
 * clients the doc has known, on the relay and on every phone. Measured on a doc of `events` where
 * each past client wrote one event, applying one-event updates of a new phone as the relay does.
 */
import * as Y from 'yjs';
import { installAppendInPlace } from '../../shared/yjs/appendInPlace.ts';
import { f, table } from './report.ts';

export interface PastClientsRow {
  clients: number;
  /** Mean µs per Y.applyUpdate of one event. */
  applyUs: number;
}

function applyCost(clients: number, updates: number): number {
  const past = new Y.Doc();
  for (let i = 0; i < clients; i++) {
    past.clientID = 1_000_000 + i;
    past.getArray('events').push([{ id: `p${i}`, type: 'request.raised', at: i }]);
  }
  const state = Y.encodeStateAsUpdate(past);
  const room = new Y.Doc();
  Y.applyUpdate(room, state);
  const phone = new Y.Doc();
  Y.applyUpdate(phone, state);
  const sent: Uint8Array[] = [];
  phone.on('update', (u: Uint8Array) => sent.push(u));
  for (let i = 0; i < updates; i++) phone.getArray('events').push([{ id: `n${i}`, type: 'request.raised', at: i }]);
  const started = performance.now();
  for (const u of sent) Y.applyUpdate(room, u);
  return ((performance.now() - started) * 1000) / sent.length;
}

export function benchPastClients(counts = [1, 100, 1_000, 3_000, 10_000], updates = 300): string {
  // As the relay runs Yjs.
  const uninstall = installAppendInPlace();
  let rows: PastClientsRow[];
  try {
    // Warm: the first doc otherwise pays for compiling Yjs.
    applyCost(100, updates);
    rows = counts.map((clients) => ({ clients, applyUs: applyCost(clients, updates) }));
  } finally {
    uninstall();
  }
  table(
    `Y.applyUpdate of a one-event update against a doc that past phones (clients) wrote to; mean of ${updates}`,
    ['past clients', 'µs per update', 'vs 1 client'],
    rows.map((r) => [String(r.clients), f(r.applyUs, 1), `${f(r.applyUs / rows[0]!.applyUs, 1)}x`]),
  );
  return `Past clients: one update costs ${rows.map((r) => `${f(r.applyUs, 0)} µs at ${r.clients}`).join(', ')} (Yjs copies the state vector per transaction).`;
}
