/**
 * Folds and documents on the five-year sample compound (`generateCompound({ seed: 1, scale: 'five-years' })`):
 * full folds, incremental folds, the public document's size on the wire and load time, and what
 * validation adds to the relay's per-update cost. Times are medians of warm runs unless a figure
 * says "cold" (the first fold in this process, before the JIT has seen the fold code).
 * `node --import tsx tests/bench/folds.ts` prints them alone.
 */
import * as Y from 'yjs';
import type { AppEvent } from '../../shared/events/index.ts';
import { type ArrayDelta, CompoundFold, foldEvents } from '../../shared/folds/index.ts';
import type { Member } from '../../shared/roles.ts';
import { validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { generateCompound } from '../../shared/sample/generate.ts';

export interface FoldFigure {
  figure: string;
  value: string;
  target?: string;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const us = (x: number) => `${(x * 1000).toFixed(0)} µs`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Milliseconds of each of `runs` calls of `run`; `setup` (untimed) prepares each call. */
function timeRuns<T>(runs: number, setup: () => T, run: (prepared: T) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = setup();
    const t0 = performance.now();
    run(prepared);
    out.push(performance.now() - t0);
  }
  return out;
}

/** A CompoundFold (as the client keeps one) loaded with `events`. */
function loaded(events: readonly unknown[]): CompoundFold {
  const fold = new CompoundFold();
  fold.applyDelta([{ insert: events }]);
  return fold;
}

/** `events` without `count` events from `at`, and the delta putting them back. */
function withheld(events: readonly unknown[], at: number, count: number): { rest: unknown[]; delta: ArrayDelta } {
  const block = events.slice(at, at + count);
  return { rest: [...events.slice(0, at), ...events.slice(at + count)], delta: [{ retain: at }, { insert: block }] };
}

/**
 * The public log as a Y.Doc filled the way phones fill it: every event appended in its own
 * transaction by its author's client (one clientID per member), runs of one author's events forming
 * the batches a phone pushes. Returns the doc and every per-transaction update (the relay's rows
 * before compaction).
 */
function phoneDoc(log: readonly AppEvent[]): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const events = doc.getArray<unknown>('events');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const clientOf = new Map<string, number>();
  for (const event of log) {
    let client = clientOf.get(event.by);
    if (client === undefined) {
      client = 100_000 + clientOf.size;
      clientOf.set(event.by, client);
    }
    doc.clientID = client;
    // insert at the end uses Yjs's search markers; push walks the list from its last marker.
    doc.transact(() => events.insert(events.length, [event]));
  }
  return { doc, updates };
}

/** Y.mergeUpdates is quadratic in the number of updates: merge in rounds of `fan` at a time. */
function mergeInRounds(updates: Uint8Array[], fan = 1000): Uint8Array {
  let round = updates;
  while (round.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < round.length; i += fan) next.push(Y.mergeUpdates(round.slice(i, i + fan)));
    round = next;
  }
  return round[0] ?? Y.encodeStateAsUpdate(new Y.Doc());
}

/** The relay's per-update work for typical single-event updates: validateUpdate, then Y.applyUpdate. */
function validationCost(base: Y.Doc, runs: number, warmup: number): { validateMs: number; applyMs: number } {
  const member: Member = {
    memberId: 'bench-committee-1',
    compoundId: 'bench-compound',
    name: '李建国',
    role: 'committee',
    party: 'owners',
  };
  const writer = new Y.Doc();
  Y.applyUpdate(writer, Y.encodeStateAsUpdate(base));
  const events = writer.getArray<unknown>('events');
  const updates: Uint8Array[] = [];
  writer.on('update', (u: Uint8Array) => updates.push(u));
  const start = Date.parse('2025-01-06T02:00:00Z');
  for (let i = 0; i < warmup + runs; i++) {
    const event = {
      id: crypto.randomUUID(),
      type: 'request.raised',
      at: start + i * 60_000,
      by: member.memberId,
      title: `3号楼门口路灯坏了 ${i}`,
      category: 'lighting',
      detail: '晚上七点以后整段路都是黑的，老人出门不方便。',
      location: '3号楼东门',
      building: '3号楼',
    };
    writer.transact(() => events.insert(events.length, [event]));
  }
  writer.destroy();
  const validate: number[] = [];
  const apply: number[] = [];
  for (const [i, u] of updates.entries()) {
    const t0 = performance.now();
    const { changed } = validateUpdate(base, u, member, 'public');
    const t1 = performance.now();
    Y.applyUpdate(base, u);
    const t2 = performance.now();
    if (!changed) throw new Error('a new event did not change the document');
    if (i < warmup) continue;
    validate.push(t1 - t0);
    apply.push(t2 - t1);
  }
  return { validateMs: median(validate), applyMs: median(apply) };
}

export async function benchFolds(): Promise<FoldFigure[]> {
  const sample = generateCompound({ seed: 1, scale: 'five-years' });
  const all = sample.publicEvents;
  const first = all.slice(0, 35_000);
  const figures: FoldFigure[] = [];
  const add = (figure: string, value: string, target?: string) =>
    figures.push({ figure, value, ...(target ? { target } : {}) });

  // Full folds: the first call is the cold one; three more warm the JIT up before the timed runs.
  const [cold35] = timeRuns(1, () => first, foldEvents);
  timeRuns(3, () => first, foldEvents);
  const warm35 = timeRuns(11, () => first, foldEvents);
  add(
    `full fold, first ${first.length.toLocaleString('en')} public events (foldEvents), warm`,
    ms(median(warm35)),
    '<= 50 ms',
  );
  add(`full fold, first ${first.length.toLocaleString('en')} public events, cold (first fold)`, ms(cold35 as number));
  const warmAll = timeRuns(7, () => all, foldEvents);
  add(`full fold, all ${all.length.toLocaleString('en')} public events (foldEvents)`, ms(median(warmAll)));
  const loadAll = timeRuns(5, () => all, loaded);
  add('CompoundFold load of all public events (a client opening the document)', ms(median(loadAll)));

  // Incremental folds, on a fold loaded the way a client loads it.
  const tail = withheld(all, all.length - 100, 100);
  const append = timeRuns(
    7,
    () => loaded(tail.rest),
    (fold) => fold.applyDelta(tail.delta),
  );
  add('incremental: 100 events appended at the end (applyDelta)', ms(median(append)));
  const middle = Math.floor(all.length / 2);
  const mid = withheld(all, middle, 50);
  const firstMid = timeRuns(
    7,
    () => loaded(mid.rest),
    (fold) => fold.applyDelta(mid.delta),
  );
  add('incremental: 50 events inserted mid-array, first such insert (builds the indexes)', ms(median(firstMid)));
  const laterMid = timeRuns(
    7,
    () => {
      // An earlier late sync (50 events a quarter of the way in) has built the indexes.
      const quarter = Math.floor(all.length / 4);
      const fold = loaded([...mid.rest.slice(0, quarter), ...mid.rest.slice(quarter + 50)]);
      fold.applyDelta([{ retain: quarter }, { insert: mid.rest.slice(quarter, quarter + 50) }]);
      return fold;
    },
    (fold) => fold.applyDelta(mid.delta),
  );
  add('incremental: 50 events inserted mid-array, indexes already built', ms(median(laterMid)));

  // The public document on the wire.
  const t0 = performance.now();
  const { doc, updates } = phoneDoc(all);
  const buildMs = performance.now() - t0;
  const state = Y.encodeStateAsUpdate(doc);
  const stored = updates.reduce((sum, u) => sum + u.byteLength, 0);
  const t1 = performance.now();
  const merged = mergeInRounds(updates);
  const mergeMs = performance.now() - t1;
  const json = new TextEncoder().encode(JSON.stringify(all)).byteLength;
  add(`public log as JSON (${all.length.toLocaleString('en')} events, for scale)`, mb(json));
  add(
    `document as stored per event (${updates.length.toLocaleString('en')} single-event updates, ${buildMs.toFixed(0)} ms to build)`,
    mb(stored),
  );
  add('document on the wire: Y.encodeStateAsUpdate', mb(state.byteLength));
  add(
    `document after Y.mergeUpdates of the per-event updates (rounds of 1,000: ${mergeMs.toFixed(0)} ms)`,
    mb(merged.byteLength),
  );
  const load = timeRuns(
    5,
    () => new Y.Doc(),
    (fresh) => Y.applyUpdate(fresh, state),
  );
  add('Y.Doc load: Y.applyUpdate of that state into a fresh doc', ms(median(load)));

  // Validation against the five-year document.
  const { validateMs, applyMs } = validationCost(doc, 300, 100);
  add('relay, per single-event update: validateUpdate', us(validateMs));
  add('relay, per single-event update: Y.applyUpdate', us(applyMs));
  const percent = `${((100 * validateMs) / applyMs).toFixed(0)}%`;
  add(`validation adds ${percent} to the relay's per-update cost`, percent);
  doc.destroy();
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchFolds();
  const widths = [0, 1, 2].map((i) =>
    Math.max(
      ...[['figure', 'value', 'target'], ...rows.map((r) => [r.figure, r.value, r.target ?? ''])].map(
        (r) => (r[i] ?? '').length,
      ),
    ),
  );
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  console.log(line(['figure', 'value', 'target']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line([r.figure, r.value, r.target ?? '']));
}
