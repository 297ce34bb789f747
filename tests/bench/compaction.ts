/**
 * `BENCH_SECTIONS=compaction`: what one compaction of the five-year sample's public document costs,
 * tail against full, each merge as the relay makes it (the live doc on one instance, the stored rows
 * with a bus), through SQLite; and what it costs per append under the size rule.
 * Run alone: `node --import tsx tests/bench/compaction.ts`.
 */
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { generateCompound } from '../../shared/sample/generate.ts';
import { applyStored } from '../../sync-server/relay/applyStored.ts';
import { compactionPlan, maxMergedRows } from '../../sync-server/relay/compactionPlan.ts';
import { mergeRows, mergeTail } from '../../sync-server/relay/mergeRows.ts';
import { RowMerger } from '../../sync-server/relay/RowMerger.ts';
import type { MergeScope, RowLayout } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import { benchDir } from './processes.ts';
import { f, table } from './report.ts';

type Log = (s: string) => void;
const appends = 500;
const room = 'five/public';

interface Variant {
  label: string;
  scope: MergeScope;
  /** The merge, given the rows in scope, the live doc and the state vector the merged rows cover. */
  merge: (rows: Iterable<Uint8Array>, live: Y.Doc, covered: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}

/** The relay's merge worker, for the variants that merge rows off the event loop. */
const merger = new RowMerger();

const variants: Variant[] = [
  {
    label: 'tail, live doc beyond the covered state (one instance)',
    scope: 'tail',
    merge: (_, l, c) => Y.encodeStateAsUpdate(l, c),
  },
  { label: 'tail, Y.mergeUpdates of the rows (with a bus)', scope: 'tail', merge: (rows) => mergeTail(rows) },
  {
    label: 'full, live doc (one instance; every compaction before)',
    scope: 'full',
    merge: (_, l) => Y.encodeStateAsUpdate(l),
  },
  {
    label: 'full, rows through a doc (with a bus; every compaction before)',
    scope: 'full',
    merge: (rows) => mergeRows(rows),
  },
  {
    label: 'tail, rows on the merge worker (with a bus, now)',
    scope: 'tail',
    merge: (rows) => merger.merge([...rows], 'tail').then((m) => m.merged),
  },
  {
    label: 'full, rows on the merge worker (a big room now; with a bus)',
    scope: 'full',
    merge: (rows) => merger.merge([...rows], 'full').then((m) => m.merged),
  },
];

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function benchCompaction(log: Log): Promise<string> {
  const repeats = Number(process.env.BENCH_COMPACTION_REPEATS ?? 3);
  log('compaction: the five-year sample public document');
  const events = generateCompound({ seed: 5, scale: 'five-years', founderName: '张建华' }).publicEvents;
  const live = new Y.Doc();
  live.getArray('events').push(events);
  const base = Y.encodeStateAsUpdate(live);
  // Three phones append in turns, as members of one compound do.
  const writers = [0, 1, 2].map(() => {
    const d = new Y.Doc();
    Y.applyUpdate(d, base);
    return d;
  });
  let next = 0;
  const storage = openSqliteStorage(benchDir());
  const appendTail = async () => {
    const updates: Uint8Array[] = [];
    for (let i = 0; i < appends; i++, next++) {
      const w = writers[next % writers.length]!;
      const once = (u: Uint8Array) => updates.push(u);
      w.once('update', once);
      const e = events[next % events.length]!;
      w.getArray('events').push([{ ...e, id: `${e.id}-${next}` }]);
      for (const o of writers) if (o !== w) Y.applyUpdate(o, updates.at(-1)!);
      Y.applyUpdate(live, updates.at(-1)!);
    }
    // One event-loop turn's appends share one commit, as in the relay.
    await Promise.all(updates.map((u) => storage.docs.append(room, u)));
  };
  const compact = async (v: Variant, covered: Uint8Array) => {
    let written = 0;
    // The longest the relay's thread is held meanwhile: the gap between two ticks of a 1 ms timer.
    let held = 0;
    let tick = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      held = Math.max(held, now - tick);
      tick = now;
    }, 1);
    const t0 = performance.now();
    try {
      await storage.docs.compact(
        room,
        (rows) => {
          const merged = v.merge(rows, live, covered);
          if (merged instanceof Uint8Array) written = merged.byteLength;
          else void merged.then((m) => (written = m.byteLength));
          return merged;
        },
        () => v.scope,
      );
    } finally {
      clearInterval(ticker);
    }
    const ms = performance.now() - t0;
    return { ms, written, held: Math.max(held, performance.now() - tick) };
  };
  try {
    await storage.docs.append(room, base);
    await storage.docs.compact(room, () => base);
    let covered = Y.encodeStateVector(live);
    const runs = variants.map(() => ({ ms: [] as number[], written: [] as number[], held: [] as number[] }));
    for (let r = 0; r < repeats; r++) {
      for (const [i, v] of variants.entries()) {
        await appendTail();
        const { ms, written, held } = await compact(v, covered);
        covered = Y.encodeStateVector(live);
        runs[i]!.ms.push(ms);
        runs[i]!.written.push(written);
        runs[i]!.held.push(held);
      }
    }
    const medians = runs.map((x) => ({
      ms: medianOf(x.ms),
      written: medianOf(x.written),
      held: medianOf(x.held),
    }));
    const [tailLive, tailRows, fullLive, fullRows, , fullWorker] = medians;
    table(
      `One compaction of ${appends} appends on the five-year public document (${f(base.byteLength / 1e6, 2)} MB), SQLite, median of ${repeats}`,
      ['merge', 'ms', 'longest turn ms', 'bytes written', 'µs per append'],
      variants.map((v, i) => {
        const m = medians[i]!;
        return [v.label, f(m.ms, 1), f(m.held, 1), String(m.written), f((m.ms * 1000) / appends, 1)];
      }),
    );

    // Tails until the rule asks for a full merge, with the sizes measured above.
    const layout: RowLayout = { merged: [fullLive!.written], fresh: appends, freshBytes: tailLive!.written };
    let tails = 0;
    while (compactionPlan(layout) === 'tail') {
      layout.merged.push(tailLive!.written);
      tails++;
    }
    const per = (tail: { ms: number; written: number }, full: { ms: number; written: number }) => ({
      us: ((tails * tail.ms + full.ms) * 1000) / ((tails + 1) * appends),
      bytes: (tails * tail.written + full.written) / ((tails + 1) * appends),
    });
    const [one, bus] = [per(tailLive!, fullLive!), per(tailRows!, fullRows!)];
    table(
      `Per append, amortised: ${tails} tails, then one full merge (the size rule, at most ${maxMergedRows} merged rows)`,
      ['relay', 'µs now', 'µs before', 'bytes written now', 'bytes written before'],
      [
        [
          'one instance',
          f(one.us, 1),
          f((fullLive!.ms * 1000) / appends, 1),
          f(one.bytes, 0),
          f(fullLive!.written / appends, 0),
        ],
        [
          'with a bus',
          f(bus.us, 1),
          f((fullRows!.ms * 1000) / appends, 1),
          f(bus.bytes, 0),
          f(fullRows!.written / appends, 0),
        ],
      ],
    );

    // What a load reads: the most tail rows the rule lets a room keep, then the same after a full merge.
    const loadMs = () => {
      const times: number[] = [];
      return (async () => {
        for (let r = 0; r < repeats; r++) {
          const doc = new Y.Doc();
          const t0 = performance.now();
          await applyStored(storage.docs, room, doc);
          times.push(performance.now() - t0);
          doc.destroy();
        }
        return medianOf(times);
      })();
    };
    for (let t = 0; t < maxMergedRows - 1; t++) {
      covered = Y.encodeStateVector(live);
      await appendTail();
      await compact(variants[0]!, covered);
    }
    const rows = await storage.docs.count(room);
    const withTails = await loadMs();
    await compact(variants[2]!, covered);
    const alone = await loadMs();
    table(
      'Loading the room (applyStored into a fresh doc), the same content, median',
      ['stored rows', 'ms'],
      [
        [`${rows} (the oldest merged row and ${rows - 1} tails)`, f(withTails, 0)],
        ['1 (after a full merge)', f(alone, 0)],
      ],
    );
    return (
      `Compaction (five-year public doc, ${f(base.byteLength / 1e6, 1)} MB): a tail of ${appends} appends ${f(tailLive!.ms, 1)} ms` +
      ` and ${f(tailLive!.written / 1e3, 0)} kB written (with a bus ${f(tailRows!.ms, 1)} ms), a full merge ${f(fullLive!.ms, 0)} ms` +
      ` (with a bus ${f(fullRows!.ms, 0)} ms) and ${f(fullLive!.written / 1e6, 1)} MB; per append ${f(one.us, 1)} µs` +
      ` (before: ${f((fullLive!.ms * 1000) / appends, 0)}), with a bus ${f(bus.us, 1)} µs (before: ${f((fullRows!.ms * 1000) / appends, 0)}).` +
      ` A full merge holds the relay's thread ${f(fullLive!.held, 0)} ms from the live doc, ${f(fullRows!.held, 0)} ms from the rows` +
      ` in the thread, ${f(fullWorker!.held, 0)} ms from the rows on the merge worker (${f(fullWorker!.ms, 0)} ms to the end).`
    );
  } finally {
    await storage.close();
    await merger.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchCompaction((s) => process.stderr.write(`  … ${s}\n`)));
}
