import { CompoundFold } from '../../shared/folds/CompoundFold.ts';
import type { Anomaly, CompoundState } from '../../shared/folds/CompoundState.ts';
import type { Fold, YArrayDelta } from '../reactive/Fold.ts';

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
