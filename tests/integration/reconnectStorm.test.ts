import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { connect, raised, type Session, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { seedMembers } from '../helpers/seedMembers.ts';
import { type ServerProcess, startServerProcess } from '../helpers/serverProcess.ts';
import { tempDir } from '../helpers/startServer.ts';

const ROOMS = Number(process.env.STORM_ROOMS ?? 50);
const MEMBERS = Number(process.env.STORM_MEMBERS ?? 30);

interface Phone {
  session: Session;
  room: string;
  client: TestClient;
  /** Refusals (close codes from 4000, and 1011/1013) seen after the restart. */
  refusals: { code: number; reason: string }[];
}

const synced = (p: Phone) => p.client.provider.synced;
const count = (p: Phone, title: string) =>
  (p.client.events.toArray() as { title?: string }[]).filter((e) => e.title === title).length;

describe('a reconnect storm after a restart', () => {
  it(`${ROOMS * MEMBERS} phones in ${ROOMS} rooms of ${MEMBERS} all resync with the restarted relay, none refused`, async () => {
    // Accounts go straight into the data directory; the relay's limits stay as shipped.
    const dataDir = tempDir();
    const rooms = await seedMembers(dataDir, ROOMS, MEMBERS);
    let server: ServerProcess = await startServerProcess({ dataDir });
    const phones: Phone[] = [];
    const t0 = Date.now();
    const phase: Record<string, number> = {};
    const mark = (name: string) => {
      phase[name] = Date.now() - t0;
    };
    try {
      for (const members of rooms)
        for (const session of members)
          phones.push({
            session,
            room: `${session.compoundId}/public`,
            client: connect(server.wsUrl, session),
            refusals: [],
          });
      await eventually(() => expect(phones.filter(synced).length).toBe(phones.length), {
        timeout: 120_000,
        interval: 100,
      });
      mark('connected');
      // Each room's first members write just before the restart: what the relay had not stored yet, their phones send again.
      for (let r = 0; r < ROOMS; r++)
        for (let k = 0; k < 3; k++) {
          const p = phones[r * MEMBERS + k]!;
          p.client.events.push([raised(p.session, '重启之前写的')]);
        }
      mark('written');
      const { port } = server;
      await server.stop();
      let restarted = false;
      const kinds = new Map<string, number>();
      for (const p of phones) {
        p.client.provider.on('connection-error', (e) => {
          if (restarted) {
            const m = String((e as unknown as { message?: string }).message).replace(/ [\d.:]+$/, '');
            kinds.set(m, (kinds.get(m) ?? 0) + 1);
          }
        });
        p.client.provider.on('connection-close', (e) => {
          if (restarted && e && (e.code >= 4000 || e.code === 1011 || e.code === 1013))
            p.refusals.push({ code: e.code, reason: e.reason });
        });
      }
      // Offline, one phone per room writes: its update reaches the relay only with the resync.
      for (let r = 0; r < ROOMS; r++) {
        const p = phones[r * MEMBERS + 1]!;
        p.client.events.push([raised(p.session, '断线时写的')]);
      }
      server = await startServerProcess({ port, dataDir });
      restarted = true;
      mark('restarted');
      const started = Date.now();
      await eventually(() => expect(phones.filter(synced).length).toBe(phones.length), {
        timeout: 60_000,
        interval: 100,
      });
      const resyncMs = Date.now() - started;

      const complete = (p: Phone) => count(p, '断线时写的') === 1 && count(p, '重启之前写的') === 3;
      await eventually(() => expect(phones.filter(complete).length).toBe(phones.length), {
        timeout: 30_000,
        interval: 100,
      });
      mark('resynced');
      await server.stop();
      const storage = openSqliteStorage(dataDir);
      try {
        for (const p of phones) {
          const stored = new Y.Doc();
          for (const u of await storage.docs.load(p.room)) Y.applyUpdate(stored, u);
          expect(p.client.events.toJSON()).toEqual(stored.getArray('events').toJSON());
        }
      } finally {
        await storage.close();
      }
      const refusals = phones.flatMap((p) => p.refusals);
      // The figures for the record: a slow machine shows here, never as a failed assertion.
      console.log(
        `reconnect storm: ${phones.length} phones resynced in ${resyncMs} ms; ${refusals.length} refusals; socket errors after the restart ${JSON.stringify(Object.fromEntries(kinds))}; ms since start ${JSON.stringify(phase)}`,
      );
      expect(refusals).toEqual([]);
      // Refused connections were attempts made before the new process listened; nothing else failed.
      expect([...kinds.keys()].filter((k) => k !== 'connect ECONNREFUSED')).toEqual([]);
    } finally {
      for (const p of phones) p.client.destroy();
      await server.stop();
    }
  }, 300_000);
});
