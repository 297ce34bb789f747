import * as Y from 'yjs';
import type { Member } from '../../shared/roles.ts';
import { validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { installReadAnyFast } from '../../shared/yjs/readAnyFast.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { raised, type Session } from '../helpers/clients.ts';
import { benchDir } from './processes.ts';
import { percentile } from './procStats.ts';

// As the relay does at start: the figures are the server's.
installReadAnyFast();

export interface Timing {
  step: string;
  p50Us: number;
  p99Us: number;
  meanUs: number;
}

export interface ValidationResult {
  docEvents: number;
  updateBytes: number;
  runs: number;
  timings: Timing[];
}

const member: Member = {
  memberId: 'benchmember',
  compoundId: 'benchcompound',
  name: '李建国',
  role: 'resident',
  party: 'owners',
};

/** A public document of `n` events written by `writers` different clients, as the relay holds it. */
function bigDoc(n: number, writers: number): Y.Doc {
  const base = new Y.Doc();
  const per = Math.ceil(n / writers);
  for (let w = 0; w < writers; w++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
    const events = doc.getArray('events');
    const by = { memberId: `member${w}` } as Session;
    for (let i = 0; i < per && base.getArray('events').length + i < n; i++) {
      doc.transact(() => events.push([raised(by, `3号楼门口路灯坏了 ${w}-${i}`)]));
    }
    Y.applyUpdate(base, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base)));
    doc.destroy();
  }
  return base;
}

/**
 * The relay's per-update work for a typical single-event update against a large document:
 * validateUpdate, then Y.applyUpdate, then the SQLite append, each timed on its own.
 */
export function validationCost(docEvents = 35_000, runs = 2_000, warmup = 300): ValidationResult {
  const base = bigDoc(docEvents, 35);
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  const events = writer.getArray('events');
  for (let i = 0; i < warmup + runs; i++) {
    writer.transact(() => events.push([raised(member as unknown as Session, `电梯又停了 ${i}`)]));
  }

  const dir = benchDir();
  const storage = openSqliteStorage(dir);
  const decode: number[] = [];
  const validate: number[] = [];
  const apply: number[] = [];
  const append: number[] = [];
  for (let i = 0; i < updates.length; i++) {
    const u = updates[i]!;
    const t0 = performance.now();
    Y.decodeUpdate(u);
    const t1 = performance.now();
    const { changed } = validateUpdate(base, u, member, 'public');
    const t2 = performance.now();
    Y.applyUpdate(base, u);
    const t3 = performance.now();
    storage.docs.append('benchcompound/public', u);
    const t4 = performance.now();
    if (!changed) throw new Error('a fresh update was judged unchanged');
    if (i < warmup) continue;
    decode.push((t1 - t0) * 1000);
    validate.push((t2 - t1) * 1000);
    apply.push((t3 - t2) * 1000);
    append.push((t4 - t3) * 1000);
  }
  void storage.close();
  const stat = (step: string, xs: number[]): Timing => {
    const sorted = Float64Array.from(xs).sort();
    return {
      step,
      p50Us: percentile(sorted, 0.5),
      p99Us: percentile(sorted, 0.99),
      meanUs: xs.reduce((a, b) => a + b, 0) / xs.length,
    };
  };
  const result = {
    docEvents: base.getArray('events').length - runs - warmup,
    updateBytes: updates.reduce((s, u) => s + u.byteLength, 0) / updates.length,
    runs,
    timings: [
      stat('Y.decodeUpdate (part of validate)', decode),
      stat('validateUpdate', validate),
      stat('Y.applyUpdate', apply),
      stat('SQLite append', append),
    ],
  };
  base.destroy();
  writer.destroy();
  return result;
}
