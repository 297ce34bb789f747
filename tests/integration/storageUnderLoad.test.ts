import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresStorage } from '../../sync-server/storage/postgres/PostgresStorage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { postgresAvailable } from '../helpers/startPostgres.ts';
import { tempDir } from '../helpers/startServer.ts';
import { eventUpdates, useStorages } from '../helpers/useStorages.ts';

describe('SQLite: a turn’s appends written early by a read', () => {
  it('answer with that write: when it fails, their appends fail, never "stored"', async () => {
    const dir = tempDir();
    const s = openSqliteStorage(dir);
    // The disk refuses rows of one room (a trigger, set on the same file by another connection).
    const other = new Database(join(dir, 'little-stool.sqlite'));
    other.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON updates WHEN NEW.room = 'full' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    other.close();
    try {
      const [a, b] = eventUpdates(2);
      const good = s.docs.append('good', a!);
      const full = s.docs.append('full', b!);
      // Another room's read writes the turn's appends before the turn ends, and fails.
      await expect(s.docs.count('other')).rejects.toThrow('disk full');
      await expect(good).rejects.toThrow('disk full');
      await expect(full).rejects.toThrow('disk full');
      expect(await s.docs.load('good')).toEqual([]);
      // The store goes on: the next turn's appends are written.
      await s.docs.append('good', a!);
      expect(await s.docs.count('good')).toBe(1);
    } finally {
      await s.close();
    }
  });
});

describe.skipIf(!postgresAvailable)('Postgres: reads while other rooms append without a pause', () => {
  const { newDatabase } = useStorages();

  it('wait for what was appended before them, not for the appends to stop', async () => {
    const url = await newDatabase();
    const s = await openPostgresStorage(url);
    // Each commit of rows takes 5 ms or more (a loaded database): appends every millisecond keep
    // one running and another waiting behind it, all the time.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(0.005); RETURN NULL; END $$`);
    await admin.query('CREATE TRIGGER slow AFTER INSERT ON updates FOR EACH STATEMENT EXECUTE FUNCTION slow()');
    await admin.end();
    const updates = eventUpdates(200);
    let appending = true;
    let appended = 0;
    const failures: unknown[] = [];
    // An append about every millisecond to a busy room (a relay under load): a commit always runs.
    const pump = () => {
      if (!appending) return;
      const n = appended++;
      Promise.resolve(s.docs.append('busy', updates[n % updates.length]!, [`e${n}`])).catch((e: unknown) =>
        failures.push(e),
      );
      setTimeout(pump, 1);
    };
    try {
      await s.docs.append('quiet', updates[0]!, ['q0']);
      pump();
      // Reads of another room settle while the busy one still appends (they hung until it stopped).
      for (let i = 0; i < 3; i++) {
        expect(await s.docs.count('quiet')).toBe(1);
        expect(await s.docs.load('quiet')).toHaveLength(1);
        expect(appending).toBe(true);
      }
      const before = appended;
      // A read waits for every append made before it.
      expect(await s.docs.count('busy')).toBeGreaterThanOrEqual(before);
    } finally {
      appending = false;
      await s.close();
    }
    expect(failures).toEqual([]);
  });
});
