import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { READMIT_BATCH, readmitConnections } from '../../sync-server/auth/readmitConnections.ts';
import { Relay } from '../../sync-server/relay/Relay.ts';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import { pgAccountStore } from '../../sync-server/storage/postgres/pgAccountStore.ts';
import type { AccountStore, Storage } from '../../sync-server/storage/Storage.ts';
import { eventually } from '../helpers/eventually.ts';
import { roomyLimits } from '../helpers/relayLimits.ts';
import { postgresAvailable } from '../helpers/startPostgres.ts';
import { compoundOf } from '../helpers/storageCompound.ts';
import { useStorages } from '../helpers/useStorages.ts';

/**
 * An instance whose word from the others may have been lost checks each connection it holds against
 * storage: with many members connected, in batches, not one member at a time.
 */
const { implementations, newDatabase } = useStorages();
const quiet = () => undefined;

/** More members than two batches hold, all connected to one relay; three changed in storage behind its back. */
async function connectedCompound(s: Storage) {
  const now = Date.now();
  const ids = Array.from({ length: 2 * READMIT_BATCH + 100 }, (_, i) => `m${String(i).padStart(4, '0')}`);
  const [admin, ...committee] = ids as [string, ...string[]];
  await compoundOf(s, 'c1', now, [admin], committee);
  const relay = new Relay(s.docs, {
    limits: roomyLimits,
    policy: { check: () => ({ changed: false }) },
    compactEvery: 1000,
    idleMs: 60_000,
    log: quiet,
  });
  const closes: [string, number][] = [];
  for (const id of ids) {
    const socket = { send: quiet, close: (code: number) => void closes.push([id, code]), bufferedAmount: 0 };
    const role = id === admin ? 'admin' : 'committee';
    relay.connect(socket, { memberId: id, compoundId: 'c1', name: id, role, party: 'owners' }, parseDocName('public')!);
  }
  // One removed in the first batch, one in the second, one made an admin in the third.
  const [gone, alsoGone, promoted] = [ids[10]!, ids[READMIT_BATCH + 10]!, ids.at(-1)!];
  await s.accounts.revokeMember(gone, now);
  expect(await s.accounts.removeMember(alsoGone, now, admin)).toMatchObject({ ok: true });
  expect(await s.accounts.setRole(promoted, 'admin', now, admin)).toMatchObject({ ok: true });
  const expected = [
    [gone, CloseCode.Unauthenticated],
    [alsoGone, CloseCode.Unauthenticated],
    [promoted, CloseCode.RoleChanged],
  ];
  return { relay, closes, expected, members: ids.length };
}

/** Checks the relay's connections against `accounts`; resolves with how many were closed when the loop first got a turn. */
async function checkAgain(relay: Relay, accounts: AccountStore, closes: unknown[], expected: unknown[]) {
  readmitConnections(relay, accounts, quiet)();
  const atFirstTurn = new Promise<number>((resolve) => setImmediate(() => resolve(closes.length)));
  await eventually(() => expect(closes).toEqual(expected));
  return atFirstTurn;
}

for (const [name, open] of implementations) {
  describe(`${name} storage: checking every connection again`, () => {
    it('closes the removed with 4401 and the promoted with 4100, and lets other work run before it ends', async () => {
      const s = await open();
      const { relay, closes, expected } = await connectedCompound(s);
      // Timers and frames run between batches: the check has not closed the later batches' sockets yet.
      expect(await checkAgain(relay, s.accounts, closes, expected)).toBeLessThan(expected.length);
      await relay.close();
      await s.close();
    }, 60_000);
  });
}

describe.skipIf(!postgresAvailable)('Postgres: checking every connection again', () => {
  it('reads the connected members in one query per batch, not one per member', async () => {
    const url = await newDatabase();
    const s = await openPostgresStorage(url);
    const { relay, closes, expected, members } = await connectedCompound(s);
    const pool = new pg.Pool({ connectionString: url });
    let queries = 0;
    const query = pool.query.bind(pool);
    pool.query = ((...args: Parameters<typeof query>) => {
      queries++;
      return query(...args);
    }) as typeof pool.query;
    await checkAgain(relay, pgAccountStore(pool), closes, expected);
    expect(queries).toBe(Math.ceil(members / READMIT_BATCH));
    await relay.close();
    await Promise.all([pool.end(), s.close()]);
  }, 60_000);
});
