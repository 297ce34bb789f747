import type { DocStore } from '../storage/Storage.ts';
import type { RelayOptions } from './types.ts';

/** When a room's stored updates are merged into one row, and the merge itself. */
export class Compaction {
  #since = 0;
  #running: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly docs: DocStore,
    private readonly options: Pick<RelayOptions, 'compactEvery' | 'log'>,
    /** The one update replacing the rows stored so far; throws to keep them as they are. */
    private readonly merge: (rows: Iterable<Uint8Array>) => Uint8Array,
    /** Settles once what the room is still storing is stored. */
    private readonly stored: () => Promise<void> | null,
  ) {}

  /** The room loaded this many rows. */
  loaded(rows: number): void {
    this.#since = Math.max(0, rows - 1);
  }

  /** The room stored one more update. */
  appended(ready: boolean): void {
    this.#since++;
    this.maybe(ready);
  }

  maybe(ready: boolean): void {
    if (this.#running || this.#since < this.options.compactEvery || !ready) return;
    this.#running = this.run().finally(() => {
      this.#running = null;
    });
  }

  /** Merges the stored updates into one; updates appended meanwhile stay after it. */
  async run(): Promise<void> {
    const counted = this.#since;
    try {
      await this.stored();
      await this.docs.compact(this.name, this.merge);
      this.#since = Math.max(0, this.#since - counted);
    } catch (e) {
      this.options.log('error', 'compaction failed', { room: this.name, error: String(e) });
    }
  }

  /** Waits for a running merge, then merges what is left (before the room leaves memory). */
  async settle(): Promise<void> {
    await this.#running;
    if (this.#since > 0) await this.run();
  }
}
