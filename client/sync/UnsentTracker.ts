import { type Accessor, createSignal } from 'solid-js';
import * as Y from 'yjs';
import { relayNow } from './relayClock.ts';

/** One local transaction: the clock our client reached with it, and the probe round it was made in. */
export interface Entry {
  client: number;
  clock: number;
  /**
   * The clock our client had before it: the transaction wrote the items [from, clock). Absent from
   * lists stored before the unsent list was shown (the list then names the item at clock - 1).
   */
  from?: number;
  /** When it was written (the relay's time as the phone knows it), for the unsent list. */
  at?: number;
  /** True when the transaction only deleted (the clock did not move). */
  deleteOnly: boolean;
  round: number;
}

const entryKey = (e: Entry) => `${e.client}:${e.clock}:${e.deleteOnly}`;

export interface SavedUnsent {
  entries: Entry[];
  confirmed: [number, number][];
}

/** Several stored lists (tabs' own, the merged one) as one: each entry once, each client's highest confirmation. */
export function unionOfUnsent(lists: readonly (SavedUnsent | undefined)[]): SavedUnsent | undefined {
  const present = lists.filter((l): l is SavedUnsent => l !== undefined);
  if (present.length <= 1) return present[0];
  const entries = new Map<string, Entry>();
  const confirmed = new Map<number, number>();
  for (const list of present) {
    for (const e of list.entries) if (!entries.has(entryKey(e))) entries.set(entryKey(e), e);
    for (const [c, clock] of list.confirmed) if (clock > (confirmed.get(c) ?? 0)) confirmed.set(c, clock);
  }
  return { entries: [...entries.values()], confirmed: [...confirmed] };
}

/** Updates written on this phone and never acknowledged, as entries of a stored list (each client's last clock). */
export function unsentOfWrites(updates: readonly Uint8Array[]): SavedUnsent | undefined {
  if (updates.length === 0) return undefined;
  const entries: Entry[] = [];
  for (const update of updates) {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) {
      entries.push({ client, clock, from: from.get(client) ?? 0, deleteOnly: false, round: 0 });
    }
    if (to.size > 0) continue;
    // Only deletions (minutes text): counted until a probe after them is answered, like the tracker's own.
    const [client] = Y.decodeUpdate(update).ds.clients.keys();
    if (client !== undefined) entries.push({ client, clock: 0, deleteOnly: true, round: 0 });
  }
  return { entries, confirmed: [] };
}

/**
 * Counts local changes the relay has not acknowledged ("n 条修改未发送").
 *
 * How it stays honest: every local transaction (`transaction.local`, i.e. not applied from
 * IndexedDB or the relay) is recorded as (clientID, clock after it). The relay answers every
 * SyncStep1 after the first with its own SyncStep1, i.e. its state vector (sync-server Room.ts),
 * so the DocHandle sends a SyncStep1 ("probe") after local writes and every few seconds while
 * something is pending, and feeds each state vector the relay sends into `confirm()`. A change
 * counts as sent only once the relay's state vector covers its clock: the relay really holds it.
 * Entries are kept in the document's own IndexedDB database, so changes made offline in an
 * earlier visit (under an earlier clientID) are still counted after a reload.
 * Delete-only transactions do not move a clock; they count as sent once a probe sent after them
 * on an open connection has been answered (the relay handles a connection's frames in order and
 * closes the socket on a rejection). Event logs never delete, so this only concerns minutes text.
 */
export class UnsentTracker {
  readonly count: Accessor<number>;
  /** What `count` counts (its entries) and the relay's clocks for their clients: the unsent list reads it. */
  readonly state: Accessor<SavedUnsent>;
  private readonly setCount: (n: number) => void;
  private readonly setState: (s: SavedUnsent) => void;
  private entries: Entry[] = [];
  private readonly confirmed = new Map<number, number>();
  /** Every entry this tracker held (written here or taken over), so the stored list's others are known. */
  private readonly seen = new Set<string>();
  /** Incremented for each probe sent; `answered` is the last round the relay answered. */
  private round = 0;
  private answered = -1;

  constructor(
    private readonly doc: Y.Doc,
    private readonly save: (saved: SavedUnsent) => void,
  ) {
    const [count, setCount] = createSignal(0);
    const [state, setState] = createSignal<SavedUnsent>({ entries: [], confirmed: [] });
    this.count = count;
    this.state = state;
    this.setCount = setCount;
    this.setState = setState;
    doc.on('afterTransaction', this.onTransaction);
  }

  /**
   * Takes over what an earlier visit or another tab left unsent (the stored list), dropping entries
   * the local document does not hold and entries this tracker held before (its own, and those it
   * took over earlier: sent since, or still counted).
   */
  restore(saved: SavedUnsent | undefined): void {
    if (!saved) return;
    const sv = this.localStateVector();
    for (const [c, clock] of saved.confirmed) if (clock > (this.confirmed.get(c) ?? 0)) this.confirmed.set(c, clock);
    const taken = saved.entries
      .filter((e) => {
        const unseen = !this.seen.has(entryKey(e));
        this.seen.add(entryKey(e));
        return unseen && e.clock <= (sv.get(e.client) ?? 0);
      })
      .map((e) => ({ ...e, round: this.round }));
    this.entries = [...taken, ...this.entries];
    this.prune(true);
  }

  /**
   * The list to store: this tracker's, and the stored entries it never held. Other tabs of the
   * phone save theirs to the same database; their writes are not in this tab's doc until it reads
   * them (restore), and saving this list alone would drop them from the count.
   */
  merged(stored: SavedUnsent | undefined): SavedUnsent {
    const others = (stored?.entries ?? []).filter((e) => !this.seen.has(entryKey(e)));
    const clients = new Set(others.map((e) => e.client));
    const confirmed = new Map(this.confirmed);
    for (const [c, clock] of stored?.confirmed ?? []) {
      if (clients.has(c) && clock > (confirmed.get(c) ?? 0)) confirmed.set(c, clock);
    }
    return { entries: [...this.entries, ...others], confirmed: [...confirmed] };
  }

  /** A probe is about to go out on an open connection. */
  probeSent(): void {
    this.round++;
  }

  /** A fresh connection: answers from an earlier socket no longer say anything about probes. */
  connectionOpened(): void {
    this.answered = this.round;
    for (const e of this.entries) if (e.deleteOnly) e.round = this.round;
  }

  /** The relay's state vector, as it sent it in a SyncStep1. */
  confirm(serverStateVector: Map<number, number>, answersProbe: boolean): void {
    for (const e of this.entries) {
      const have = serverStateVector.get(e.client) ?? 0;
      if (have > (this.confirmed.get(e.client) ?? 0)) this.confirmed.set(e.client, have);
    }
    if (answersProbe) this.answered = this.round;
    this.prune();
  }

  /** Whether the relay still lacks something we wrote. */
  get pending(): boolean {
    return this.entries.length > 0;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private onTransaction = (tr: Y.Transaction): void => {
    if (!tr.local) return;
    const client = this.doc.clientID;
    const before = tr.beforeState.get(client) ?? 0;
    const after = tr.afterState.get(client) ?? 0;
    const deleted = tr.deleteSet.clients.size > 0;
    if (after === before && !deleted) return;
    const entry = {
      client,
      clock: after,
      from: before,
      at: relayNow(),
      deleteOnly: after === before,
      round: this.round,
    };
    this.seen.add(entryKey(entry));
    this.entries.push(entry);
    this.prune(true);
  };

  private localStateVector(): Map<number, number> {
    const sv = new Map<number, number>();
    for (const [client, structs] of this.doc.store.clients) {
      const last = structs[structs.length - 1];
      if (last) sv.set(client, last.id.clock + last.length);
    }
    return sv;
  }

  private prune(changed = false): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) =>
      e.deleteOnly ? e.round >= this.answered : e.clock > (this.confirmed.get(e.client) ?? 0),
    );
    // Forget confirmations of clients we have no pending entries for, except the current one.
    const clients = new Set(this.entries.map((e) => e.client));
    clients.add(this.doc.clientID);
    for (const c of this.confirmed.keys()) if (!clients.has(c)) this.confirmed.delete(c);
    this.setCount(this.entries.length);
    if (changed || before !== this.entries.length) {
      const state = { entries: this.entries, confirmed: [...this.confirmed] };
      this.setState(state);
      this.save(state);
    }
  }
}
