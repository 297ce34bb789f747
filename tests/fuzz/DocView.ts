import * as Y from 'yjs';
import type { Prng } from '../../shared/sample/Prng.ts';
import type { Ref } from '../helpers/forgeUpdate.ts';

/**
 * What the fuzzer reads of a mirrored document to write updates against it: the origin a push
 * would take, ids of stored items and events, and positions in the minutes text.
 */
export class DocView {
  readonly events: Y.Array<unknown>;
  readonly notes: Y.Text;
  /** Event ids in the log, in the order they arrived, for frames that reuse one. */
  readonly eventIds: string[] = [];
  readonly idSet = new Set<string>();
  private last: Y.Item | null = null;

  constructor(readonly doc: Y.Doc) {
    this.events = doc.getArray('events');
    this.notes = doc.getText('notes');
    this.addIds(this.events.toArray());
    this.events.observe((e) => {
      for (const d of e.changes.delta) if (Array.isArray(d.insert)) this.addIds(d.insert);
    });
  }

  /** The id a push onto the event log names as its origin (Yjs: the last item, deleted or not). */
  lastEventRef(): Ref | undefined {
    // A merge may have folded the cached item into its left neighbour; its id still finds the run.
    let item = this.last ? (Y.getItem(this.doc.store, this.last.id) as Y.Item) : this.events._start;
    if (item === null) return undefined;
    while (item.right !== null) item = item.right;
    this.last = item;
    return [item.id.client, item.id.clock + item.length - 1];
  }

  /** The clock a client's next struct must start at. */
  known(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Some stored struct's id (of any client), or undefined in an empty document. */
  randomRef(rng: Prng): Ref | undefined {
    const clients = this.clients();
    if (clients.length === 0) return undefined;
    const client = rng.pick(clients);
    const state = this.known(client);
    return state > 0 ? [client, rng.int(0, state - 1)] : undefined;
  }

  clients(): number[] {
    return [...this.doc.store.clients.keys()];
  }

  /** Origins of an insert at `index` in the minutes text, as a stock client would write them. */
  notesInsertAt(index: number): { origin?: Ref; rightOrigin?: Ref } {
    let left: Ref | undefined;
    let at = 0;
    for (let item = this.notes._start; item !== null; item = item.right) {
      if (item.deleted) {
        if (at === index) left = [item.id.client, item.id.clock + item.length - 1];
        continue;
      }
      if (at + item.length > index) {
        const offset = index - at;
        const right: Ref = [item.id.client, item.id.clock + offset];
        return { origin: offset > 0 ? [item.id.client, item.id.clock + offset - 1] : left, rightOrigin: right };
      }
      at += item.length;
      left = [item.id.client, item.id.clock + item.length - 1];
    }
    return { origin: left };
  }

  /** A delete range over live minutes text, within one item: `[client, clock, len]`. */
  notesDeleteRange(rng: Prng): [number, number, number] | undefined {
    const live: Y.Item[] = [];
    for (let item = this.notes._start; item !== null; item = item.right) if (!item.deleted) live.push(item);
    if (live.length === 0) return undefined;
    const item = rng.pick(live);
    const offset = rng.int(0, item.length - 1);
    return [item.id.client, item.id.clock + offset, rng.int(1, item.length - offset)];
  }

  private addIds(events: readonly unknown[]): void {
    for (const e of events) {
      const id = typeof e === 'object' && e !== null ? (e as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && !this.idSet.has(id)) {
        this.idSet.add(id);
        this.eventIds.push(id);
      }
    }
  }
}
