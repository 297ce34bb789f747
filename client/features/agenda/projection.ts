import { type Accessor, createMemo } from 'solid-js';
import { CompoundFold } from '../../../shared/folds/CompoundFold.ts';
import type { Anomaly, CompoundState } from '../../../shared/folds/CompoundState.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import { copyContainers } from '../../reactive/createFoldProjection.ts';
import { createFoldState } from '../../reactive/createFoldState.ts';
import type { Fold, YArrayDelta } from '../../reactive/Fold.ts';
import type { DocHandle } from '../../sync/DocHandle.ts';

export interface EventNote {
  requestId: string;
  by: string;
  at: number;
}

export interface PublicView {
  /** The whole public log folded (agenda, meetings, anomalies...). */
  compound: CompoundState;
  /** The request each `request.*` event names, with who and when, so an anomaly can be shown on its request. */
  requestOf: ReadonlyMap<string, EventNote>;
}

/** CompoundFold of the `public` document, plus the index anomalies need. Shared by the agenda and meetings. */
export class PublicFold implements Fold<PublicView> {
  readonly #fold = new CompoundFold();
  readonly #requestOf = new Map<string, EventNote>();
  /** Inserted batches not indexed yet: only a request's page reads the index, so it is built on first read. */
  #unindexed: unknown[][] = [];
  readonly state: PublicView;

  constructor() {
    const requestOf = () => this.#indexed();
    this.state = {
      compound: this.#fold.state,
      get requestOf() {
        return requestOf();
      },
    };
  }

  get version(): number {
    return this.#fold.version;
  }

  applyDelta(delta: YArrayDelta): void {
    // The log is append-only (the relay refuses deletions), so the index only ever grows.
    for (const op of delta) if (Array.isArray(op.insert)) this.#unindexed.push(op.insert);
    this.#fold.applyDelta(delta);
  }

  #indexed(): ReadonlyMap<string, EventNote> {
    for (const batch of this.#unindexed) for (const raw of batch) this.#index(raw);
    this.#unindexed = [];
    return this.#requestOf;
  }

  #index(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return;
    const e = raw as { id?: unknown; type?: unknown; requestId?: unknown; by?: unknown; at?: unknown };
    if (typeof e.id !== 'string' || typeof e.type !== 'string' || !e.type.startsWith('request.')) return;
    const requestId = e.type === 'request.raised' ? e.id : e.requestId;
    if (typeof requestId === 'string' && !this.#requestOf.has(e.id))
      this.#requestOf.set(e.id, { requestId, by: String(e.by ?? ''), at: typeof e.at === 'number' ? e.at : 0 });
  }
}

export const makePublicFold = () => new PublicFold();

/**
 * For createFoldProjection over a CompoundFold (the members list uses it): fresh state, module and
 * record objects, entities kept by identity (CompoundFold publishes changed ones as new objects).
 */
export const compoundCopy = copyContainers(3);

/** The public document's fold; one per document, shared by every page that reads it. */
export function createPublicView(handle: DocHandle): Accessor<PublicView> {
  return createFoldState(() => handle.events(), makePublicFold);
}

/** Every request, newest raised first (ties by id, so every phone lists them alike). */
export function createRequests(view: Accessor<PublicView>): Accessor<RequestState[]> {
  return createMemo(() =>
    Object.values(view().compound.agenda.requests).sort(
      (a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    ),
  );
}

export interface RequestAnomaly extends Anomaly {
  by: string;
  at: number;
}

/** Events about this request the fold kept but ignored, with why, who and when. */
export function anomaliesOf(view: PublicView, requestId: string): RequestAnomaly[] {
  const out: RequestAnomaly[] = [];
  for (const a of view.compound.anomalies) {
    const note = view.requestOf.get(a.eventId);
    if (note?.requestId === requestId) out.push({ ...a, by: note.by, at: note.at });
  }
  return out;
}
