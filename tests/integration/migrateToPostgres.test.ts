import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateToPostgres } from '../../sync-server/storage/migrateToPostgres.ts';
import { addMember, connect, createCompound, raised, synced } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/startPostgres.ts';
import { startTestServer, tempDir } from '../helpers/startServer.ts';

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  if (postgresAvailable) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

describe.skipIf(!postgresAvailable)('migrating a SQLite data directory to Postgres', () => {
  it('copies compounds, members, images and documents; the relay on Postgres serves them as before', async () => {
    const dataDir = tempDir();
    const before = await startTestServer({ DATA_DIR: dataDir });
    const admin = await createCompound(before.url);
    const bob = await addMember(before.url, admin, { role: 'resident' });
    const writer = connect(before.wsUrl, admin);
    await synced(writer);
    const copied = [raised(admin, '迁移前的议题一'), raised(admin, '迁移前的议题二')];
    writer.events.push(copied);
    const room = `${admin.compoundId}/public`;
    await eventually(async () => {
      const doc = new Y.Doc();
      for (const u of await before.storage.docs.load(room)) Y.applyUpdate(doc, u);
      expect(doc.getArray('events').length).toBe(2);
    });
    const rowsBefore = await before.storage.docs.count(room);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7]);
    const hash = createHash('sha256').update(jpeg).digest('hex');
    const imagePath = `/api/compounds/${admin.compoundId}/images/${hash}`;
    const put = await fetch(`${before.url}${imagePath}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin.token}` },
      body: jpeg,
    });
    expect(put.status).toBe(201);
    writer.destroy();
    await before.close();

    const url = await postgres!.newDatabase();
    const report = await migrateToPostgres(dataDir, url);
    expect(report.rows).toMatchObject({ compounds: 1, members: 2, blobs: 1 });
    expect(report.rows.updates).toBeGreaterThanOrEqual(rowsBefore);
    expect(report.rooms).toBeGreaterThanOrEqual(1);
    // Both copied events and the members document's own events keep their ids taken.
    expect(report.eventIds).toBeGreaterThanOrEqual(2);

    const after = await startTestServer({ DATABASE_URL: url, DATA_DIR: tempDir() });
    try {
      // Bob's token was copied as its hash: he connects without joining again.
      const reader = connect(after.wsUrl, bob, 'public', new Y.Doc());
      await synced(reader);
      const titles = (reader.events.toArray() as { title?: string }[]).flatMap((e) => e.title ?? []);
      expect(titles).toEqual(['迁移前的议题一', '迁移前的议题二']);
      const got = await fetch(`${after.url}${imagePath}`, { headers: { authorization: `Bearer ${bob.token}` } });
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(jpeg);
      // New writes land after the copied rows.
      reader.events.push([raised(bob, '迁移后的议题')]);
      await eventually(async () => expect(await after.storage.docs.count(room)).toBe(rowsBefore + 1));
      reader.destroy();
      // A copied event's id is taken in Postgres too: an instance racing to store it again loses.
      const again = await after.storage.docs.append(room, Y.encodeStateAsUpdate(new Y.Doc()), [copied[0]!.id]);
      expect(again).toEqual({ duplicate: copied[0]!.id });
      const fresh = await after.storage.docs.append(room, Y.encodeStateAsUpdate(new Y.Doc()), ['never-stored-id']);
      expect(fresh).toBeFalsy();
    } finally {
      await after.close();
    }

    // A second run finds the target in use and commits nothing.
    await expect(migrateToPostgres(dataDir, url)).rejects.toMatchObject({ code: 'target_not_empty' });
  });

  it('the command says what it copied, and refuses without a source', async () => {
    const run = promisify(execFile);
    const root = join(import.meta.dirname, '..', '..');
    const missing = run(process.execPath, ['--import', 'tsx', 'sync-server/migrate.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: tempDir(), DATABASE_URL: await postgres!.newDatabase() },
    });
    await expect(missing).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('migration no_source') });
  });
});
