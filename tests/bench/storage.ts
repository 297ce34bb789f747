import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { applyRows, applyStored } from '../../sync-server/relay/applyStored.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { createCompound, raised, type Session } from '../helpers/clients.ts';
import { benchDir, startOurs, waitFor } from './processes.ts';
import { peakRssBytes, rssBytes } from './procStats.ts';
import { f, mb } from './report.ts';

export interface StorageResult {
  updates: number;
  rawBytes: number;
  appendUsPerUpdate: number;
  storedBefore: number;
  diskBefore: { file: number; used: number };
  compactMs: number;
  storedAfter: number;
  diskAfter: { file: number; used: number };
}

export interface LoadTiming {
  label: string;
  rows: number;
  ms: number;
  /** Server RSS once the room is loaded (cold loads over the wire). */
  rssBytes?: number;
  /** The server's highest RSS from its start until the room was loaded. */
  peakRssBytes?: number;
  /** Where the time went (in-process loads). */
  detail?: string;
}

/** One row of the cold-load table: how, rows, ms, server RSS MB, server peak RSS MB, detail. */
export function loadRow(l: LoadTiming): string[] {
  const opt = (bytes?: number) => (bytes ? mb(bytes) : '');
  return [l.label, String(l.rows), f(l.ms, 0), opt(l.rssBytes), opt(l.peakRssBytes), l.detail ?? ''];
}

/** `n` single-event updates from one writer, one transaction each, as a client would send them. */
export function eventUpdates(n: number, session: Pick<Session, 'memberId'>): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const events = doc.getArray('events');
  for (let i = 0; i < n; i++) doc.transact(() => events.push([raised(session as Session, `3号楼门口路灯坏了 ${i}`)]));
  doc.destroy();
  return updates;
}

/** The database file after a WAL checkpoint, and the part of it in use (freed pages are reused, not returned). */
function diskBytes(dir: string): { file: number; used: number } {
  const db = new Database(join(dir, 'little-stool.sqlite'));
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return { file: statSync(join(dir, 'little-stool.sqlite')).size, used: (pages - free) * pageSize };
  } finally {
    db.close();
  }
}

/** Bytes stored for 10,000 small updates, before and after compaction, through the storage itself. */
export async function storageSize(n = 10_000): Promise<StorageResult> {
  const dir = benchDir();
  const storage = openSqliteStorage(dir);
  const room = 'benchcompound/public';
  const updates = eventUpdates(n, { memberId: 'benchwriter' });
  const t0 = performance.now();
  // Phones' updates arriving in one event-loop turn share one commit, as in the relay.
  await Promise.all(updates.map((u) => storage.docs.append(room, u)));
  const appendUs = ((performance.now() - t0) * 1000) / n;
  const storedBefore = await storage.docs.bytes(room);
  const diskBefore = diskBytes(dir);
  // The relay compacts by encoding the room's live doc, which it already holds in memory.
  const live = new Y.Doc();
  await applyStored(storage.docs, room, live);
  const t1 = performance.now();
  await storage.docs.compact(room, () => Y.encodeStateAsUpdate(live));
  const compactMs = performance.now() - t1;
  live.destroy();
  const storedAfter = await storage.docs.bytes(room);
  const diskAfter = diskBytes(dir);
  await storage.close();
  return {
    updates: n,
    rawBytes: updates.reduce((s, u) => s + u.byteLength, 0),
    appendUsPerUpdate: appendUs,
    storedBefore,
    diskBefore,
    compactMs,
    storedAfter,
    diskAfter,
  };
}

/** Loading a room of `n` stored updates: in-process, and cold over the wire (server start → provider 'sync'). */
export async function coldLoad(n = 20_000): Promise<LoadTiming[]> {
  const env = { RATE_LIMITS: 'off', LOG: 'error' };
  const timings: LoadTiming[] = [];
  let server = await startOurs(env);
  const dataDir = server.dataDir;
  let admin: Session;
  try {
    admin = await createCompound(server.url);
  } finally {
    await server.stop();
  }
  const room = `${admin.compoundId}/public`;

  const storage = openSqliteStorage(dataDir);
  const updates = eventUpdates(n, admin);
  for (const u of updates) await storage.docs.append(room, u);
  timings.push(await inProcess(storage, room, `in-process, ${n} rows`));
  await storage.close();

  for (const label of [`cold over ws, ${n} rows`, 'cold over ws, after compaction']) {
    const rows = await countRows(dataDir, room);
    server = await startOurs(env, dataDir);
    try {
      const doc = new Y.Doc();
      const t0 = performance.now();
      const provider = new WebsocketProvider(server.wsUrl, room, doc, {
        params: { token: admin.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      const events = doc.getArray('events');
      const ok = await waitFor(() => provider.synced && events.length >= n, 120_000, 1);
      const ms = performance.now() - t0;
      const pid = server.proc.pid!;
      timings.push({ label, rows, ms: ok ? ms : Number.NaN, rssBytes: rssBytes(pid), peakRssBytes: peakRssBytes(pid) });
      provider.destroy();
      doc.destroy();
    } finally {
      // A room that loads many rows compacts right after (and again when it unloads): the second pass loads one row.
      await server.stop();
    }
  }

  const after = openSqliteStorage(dataDir);
  timings.push(await inProcess(after, room, 'in-process, after compaction'));
  await after.close();

  // For comparison, not what the relay does: the same history merged through a Y.Doc keeps runs merged.
  const viaDoc = new Y.Doc();
  applyRows(viaDoc, updates);
  const docRow = Y.encodeStateAsUpdate(viaDoc);
  viaDoc.destroy();
  const t0 = performance.now();
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, docRow);
  timings.push({ label: 'what-if: one row from Y.encodeStateAsUpdate', rows: 1, ms: performance.now() - t0 });
  fresh.destroy();
  return timings;
}

async function inProcess(
  storage: ReturnType<typeof openSqliteStorage>,
  room: string,
  label: string,
): Promise<LoadTiming> {
  const t0 = performance.now();
  // As Room.load does: rows read and applied a batch at a time.
  const doc = new Y.Doc();
  const rows = await applyStored(storage.docs, room, doc);
  const t1 = performance.now();
  doc.destroy();
  return { label, rows, ms: t1 - t0, detail: 'read and applied in batches' };
}

async function countRows(dataDir: string, room: string): Promise<number> {
  const s = openSqliteStorage(dataDir);
  const n = await s.docs.count(room);
  await s.close();
  return n;
}
