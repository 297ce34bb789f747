import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { minutesDocName, roomName } from '../../shared/rooms.ts';
import { addMember, createCompound, type Session } from '../helpers/clients.ts';
import { mapLimit } from './fanout.ts';
import type { MinutesPlan, MinutesResult } from './minutesClient.ts';
import { benchDir, exited, root, startOurs, startReference, track, waitFor } from './processes.ts';

export interface MinutesOptions {
  typists: number;
  charsPerSecond: number;
  warmupMs: number;
  durationMs: number;
  serverEnv: Record<string, string>;
}

export interface MinutesStored {
  rows: number;
  bytes: number;
}

export interface MinutesRun {
  ours: MinutesResult;
  reference: MinutesResult;
  /** Our minutes room in SQLite once every keystroke is in, and once the room unloaded and compacted. */
  before: MinutesStored;
  after: MinutesStored;
  /** How long the compaction on unload took to show, from the typists leaving. */
  compactedWithinMs: number;
}

const idleMs = 2000;

/**
 * One meeting's minutes typed by every member at once, on our relay and on the reference server.
 * Our server runs with compaction held back until the room unloads, so that the stored size before
 * compaction is the whole run's updates; the same typing (same seed) goes to both servers.
 */
export async function runMinutes(o: MinutesOptions, log: (s: string) => void): Promise<MinutesRun> {
  const ours = await startOurs({
    RATE_LIMITS: 'off',
    ROOM_IDLE_MS: String(idleMs),
    COMPACT_EVERY: '100000000',
    ...o.serverEnv,
  });
  try {
    log(`ours: creating a compound with ${o.typists} committee members`);
    const admin = await createCompound(ours.url);
    const members: Session[] = [
      admin,
      ...(await mapLimit(
        Array.from({ length: o.typists - 1 }, (_, i) => i),
        4,
        () => addMember(ours.url, admin, { role: 'committee', party: 'owners' }),
      )),
    ];
    const room = roomName(admin.compoundId, minutesDocName('bench-meeting'));
    const base = {
      charsPerSecond: o.charsPerSecond,
      warmupMs: o.warmupMs,
      durationMs: o.durationMs,
      drainMs: 10_000,
      seed: 20261202,
    };
    log(`ours: ${o.typists} typists in ${room}`);
    const oursResult = await typeMinutes({
      ...base,
      serverUrl: ours.wsUrl,
      room,
      serverPid: ours.proc.pid!,
      tokens: members.map((m) => m.token),
    });
    const left = Date.now();
    // Every update the relay accepted is in SQLite before it is forwarded; read the rows once they stop growing.
    let before = storedIn(ours.dataDir, room);
    await waitFor(
      () => {
        const now = storedIn(ours.dataDir, room);
        const settled = now.rows === before.rows;
        before = now;
        return settled;
      },
      10_000,
      500,
    );
    const compacted = await waitFor(() => storedIn(ours.dataDir, room).rows === 1, idleMs + 30_000, 100);
    const compactedWithinMs = compacted ? Date.now() - left : Number.NaN;
    const after = storedIn(ours.dataDir, room);

    const ref = await startReference();
    try {
      log(`reference: ${o.typists} typists`);
      const refResult = await typeMinutes({
        ...base,
        serverUrl: ref.url,
        room: 'bench-compound/minutes-bench-meeting',
        serverPid: ref.proc.pid!,
        tokens: members.map(() => undefined),
      });
      return { ours: oursResult, reference: refResult, before, after, compactedWithinMs };
    } finally {
      await ref.stop();
    }
  } finally {
    await ours.stop();
  }
}

/** Runs the typists' process to its end and returns what it measured. */
async function typeMinutes(plan: MinutesPlan): Promise<MinutesResult> {
  const planPath = join(benchDir(), 'minutes-plan.json');
  writeFileSync(planPath, JSON.stringify(plan));
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/minutesClient.ts'), planPath], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  await exited(child);
  const line = out.split('\n').find((l) => l.startsWith('BENCH '));
  if (!line) throw new Error(`minutes typists exited with ${child.exitCode}: ${err.slice(-2000)}`);
  return JSON.parse(line.slice(6)) as MinutesResult;
}

function storedIn(dataDir: string, room: string): MinutesStored {
  const db = new Database(join(dataDir, 'little-stool.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare<[string], { rows: number; bytes: number | null }>(
        'SELECT count(*) AS rows, sum(length(data)) AS bytes FROM updates WHERE room = ?',
      )
      .get(room);
    return { rows: row?.rows ?? 0, bytes: row?.bytes ?? 0 };
  } finally {
    db.close();
  }
}
