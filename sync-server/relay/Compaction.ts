import * as Y from 'yjs';
import type { DocStore, MergeScope, RowLayout } from '../storage/Storage.ts';
import type { CompactionQueue } from './CompactionQueue.ts';
import { compactionPlan, maxMergedRows } from './compactionPlan.ts';
import type { RelayOptions } from './types.ts';

/**
 * A full merge of a room stored in at least this many bytes runs on the merge worker, from the rows:
 * encoding the live doc costs the relay's thread about 15-30 ms a megabyte.
 */
export const workerMergeBytes = 1024 * 1024;

/** Where a room's merges come from. */
export interface MergeSource {
  /**
   * The live doc, which holds every stored row; undefined where other instances store rows too
   * (the merge then comes from the rows). Throws when the room is not ready: a failed room's doc may
   * be missing updates and must never replace what is stored.
   */
  doc(): Y.Doc | undefined;
  /** Settles once what the room is still storing is stored. */
  stored(): Promise<void> | null;
}

/** When a room's stored updates are merged, how much of them, and the merge itself. */
export class Compaction {
  #since = 0;
  #queued: Promise<void> | null = null;
  /** The next merge folds every row: the room loaded far more rows than one compaction merges. */
  #full = false;
  #planned: MergeScope | null = null;
  /** A state vector the merged rows hold everything below: a tail is the live doc beyond it. */
  #covered: Uint8Array | undefined;
  /** The live doc's state vector when it loaded: covered once a merge has replaced the rows it read. */
  #atLoad: Uint8Array | undefined;
  /** What the merge running now would make covered, once it is stored. */
  #covering: Uint8Array | undefined;
  /** Rows the room loaded, and rows it stored since: a first tail after a load checks them. */
  #loadedRows = 0;
  #appendedSinceLoad = 0;
  /** The layout the running merge was planned on. */
  #layout: RowLayout | undefined;

  constructor(
    private readonly name: string,
    private readonly docs: DocStore,
    private readonly options: Pick<RelayOptions, 'compactEvery' | 'log'>,
    private readonly queue: CompactionQueue,
    private readonly source: MergeSource,
  ) {}

  /** The room loaded this many rows into `doc`. */
  loaded(rows: number, doc: Y.Doc): void {
    this.#since = Math.max(0, rows - 1);
    // Merged rows alone never force it: a room keeps up to maxMergedRows of them.
    this.#full = rows > this.options.compactEvery + maxMergedRows;
    this.#covered = undefined;
    this.#atLoad = Y.encodeStateVector(doc);
    this.#loadedRows = rows;
    this.#appendedSinceLoad = 0;
  }

  /** The room stored one more update. */
  appended(ready: boolean): void {
    this.#since++;
    this.#appendedSinceLoad++;
    this.maybe(ready);
  }

  maybe(ready: boolean): void {
    if (this.#queued || this.#since < this.options.compactEvery || !ready) return;
    this.#queued = this.queue
      .run(() => this.run())
      .finally(() => {
        this.#queued = null;
      });
  }

  /** Merges the stored updates as the plan says; updates appended meanwhile stay after it. */
  async run(): Promise<void> {
    const counted = this.#since;
    this.#covering = undefined;
    this.#planned = null;
    this.#layout = undefined;
    try {
      await this.source.stored();
      await this.docs.compact(this.name, this.merge, this.plan);
      this.#since = Math.max(0, this.#since - counted);
      if (this.#covering) this.#covered = this.#covering;
      if (this.#planned === 'full') this.#full = false;
    } catch (e) {
      this.options.log('error', 'compaction failed', { room: this.name, error: String(e) });
    }
  }

  /** Waits for a queued merge, then merges what is left (before the room leaves memory). */
  async settle(): Promise<void> {
    await this.#queued;
    if (this.#since > 0) await this.queue.run(() => this.run());
  }

  private plan = (layout: RowLayout): MergeScope | null => {
    this.#layout = layout;
    this.#planned = this.#full ? 'full' : compactionPlan(layout);
    return this.#planned;
  };

  private merge = (rows: Iterable<Uint8Array>, scope: MergeScope): Uint8Array | Promise<Uint8Array> => {
    const doc = this.source.doc();
    // Another instance may have stored rows this doc has not heard of yet: merge the rows, off the loop.
    if (!doc) return this.onWorker(rows, scope, false);
    const now = Y.encodeStateVector(doc);
    if (scope === 'full') {
      // A big document is merged from its rows on the worker: encoding it here holds the event loop
      // (a five-year compound's 9 MB: 140-280 ms). What its rows hold is covered once it is stored.
      if (this.#bytes() >= workerMergeBytes) return this.onWorker(rows, scope, true);
      this.#covering = now;
      // The live doc merges runs of items and drops deleted content, so a compacted room loads fast.
      return Y.encodeStateAsUpdate(doc);
    }
    if (this.#covered) {
      this.#covering = now;
      // Everything below the covered state vector is in the merged rows kept: ~10x cheaper than merging the rows.
      return Y.encodeStateAsUpdate(doc, this.#covered);
    }
    // The first tail since the load. Where every row the room loaded was merged already, the tail is
    // exactly what the room stored since: the live doc beyond its state at the load (a room leaving
    // memory merges its last rows, so this is the usual case; 500 rows: ~5 ms instead of ~40).
    const layout = this.#layout;
    if (layout && layout.merged.length === this.#loadedRows && layout.fresh === this.#appendedSinceLoad) {
      this.#covering = now;
      return Y.encodeStateAsUpdate(doc, this.#atLoad);
    }
    // Otherwise from the rows: every row it read is replaced, so what it held is covered after.
    this.#covering = this.#atLoad;
    return this.onWorker(rows, scope, false);
  };

  /** Merges rows on the relay's merge worker; `covers`: what a full merge holds is covered once stored. */
  private async onWorker(rows: Iterable<Uint8Array>, scope: MergeScope, covers: boolean): Promise<Uint8Array> {
    const { merged, covers: held } = await this.queue.merger.merge([...rows], scope);
    if (covers) this.#covering = held;
    return merged;
  }

  /** Bytes of the room's rows, as the running merge's plan saw them. */
  #bytes(): number {
    const layout = this.#layout;
    return layout ? layout.merged.reduce((sum, b) => sum + b, layout.freshBytes) : 0;
  }
}
