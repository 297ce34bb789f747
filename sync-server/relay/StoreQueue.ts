import type { AppendResult, DocStore } from '../storage/Storage.ts';

/** A room's updates on their way to storage: each one's answer is handled in the order they came. */
export class StoreQueue {
  /** Pending store-then-handle chain when the storage answers asynchronously. */
  #tail: Promise<void> | null = null;

  constructor(
    private readonly docs: DocStore,
    private readonly room: string,
  ) {}

  /** Settles once everything handed in so far is stored and handled. */
  get pending(): Promise<void> | null {
    return this.#tail;
  }

  /** Stores `update`; `stored` gets the store's answer, `failed` what went wrong (also when it throws at once). */
  push(
    update: Uint8Array,
    eventIds: readonly string[] | undefined,
    stored: (result: AppendResult) => void,
    failed: (e: unknown) => void,
  ): boolean {
    let answer: AppendResult | Promise<AppendResult>;
    try {
      answer = this.docs.append(this.room, update, eventIds);
    } catch (e) {
      failed(e);
      return false;
    }
    if (answer instanceof Promise || this.#tail) {
      this.#tail = (this.#tail ?? Promise.resolve()).then(() => answer).then(stored, failed);
    } else {
      stored(answer);
    }
    return true;
  }
}
