import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { eventually } from '../helpers/eventually.ts';
import { tempDir } from '../helpers/startServer.ts';
import { eventUpdates } from '../helpers/useStorages.ts';

describe('SQLite checkpoints', () => {
  it('are made by a worker thread: the writer never checkpoints, yet the rows reach the database file', async () => {
    const dir = tempDir();
    const file = join(dir, 'little-stool.sqlite');
    const errors: unknown[] = [];
    const s = openSqliteStorage(dir, { onError: (e) => errors.push(e) });
    const updates = eventUpdates(400);
    try {
      const before = statSync(file).size;
      for (const [i, u] of updates.entries()) await s.docs.append(`room-${i % 40}`, u);
      // The writer's automatic checkpoint is off; the rows reach the file only through the worker.
      await eventually(() => {
        expect(s.checkpointer.last?.copied).toBeGreaterThan(0);
        expect(statSync(file).size).toBeGreaterThan(before);
      });
      // Every page of the WAL copied, by a checkpoint beside the writer.
      await eventually(() => {
        s.checkpointer.request();
        expect(s.checkpointer.last?.copied).toBe(s.checkpointer.last?.log);
      });
      expect(errors).toEqual([]);
    } finally {
      await s.close();
    }
    expect(s.checkpointer.alive).toBe(false);
    // Closed: the WAL is gone and the file alone holds every row, in order.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT room, data FROM updates ORDER BY id').all() as { room: string; data: Buffer }[];
      expect(rows.length).toBe(updates.length);
      expect(rows.map((r) => new Uint8Array(r.data))).toEqual(updates);
    } finally {
      db.close();
    }
  });

  it('hands checkpointing back to the writer when the worker dies', async () => {
    const dir = tempDir();
    const file = join(dir, 'little-stool.sqlite');
    const errors: unknown[] = [];
    const s = openSqliteStorage(dir, { onError: (e) => errors.push(e) });
    try {
      await s.checkpointer.crash();
      await eventually(() => expect(errors).toHaveLength(1));
      expect(s.checkpointer.alive).toBe(false);
      const before = statSync(file).size;
      // 20 MB of rows: past the writer's own threshold of 4,000 WAL pages, so it checkpoints itself.
      const row = new Uint8Array(100_000).fill(7);
      for (let i = 0; i < 200; i++) await s.docs.append(`r${i % 5}`, row);
      expect(statSync(file).size).toBeGreaterThan(before + 10_000_000);
      expect(await s.docs.count('r0')).toBe(40);
    } finally {
      await s.close();
    }
  });

  it('closes in a process that has nothing else left to wait for', () => {
    // The worker never keeps the relay alive; while it closes it must, or Node leaves mid-close.
    const dir = tempDir();
    const store = new URL('../../sync-server/storage/sqlite/SqliteStorage.ts', import.meta.url).href;
    const script = `
      import { openSqliteStorage } from ${JSON.stringify(store)};
      const s = openSqliteStorage(${JSON.stringify(dir)});
      await s.docs.append('r', new Uint8Array([0, 0]));
      await s.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
    // The writer closed last: the WAL is gone.
    expect(existsSync(join(dir, 'little-stool.sqlite-wal'))).toBe(false);
  });
});
