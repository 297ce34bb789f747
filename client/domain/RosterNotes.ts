import type { Anomaly } from '../../shared/folds/CompoundState.ts';
import type { Fold, YArrayDelta } from '../reactive/Fold.ts';

/** What a roster event on a duty says beyond its id: the duty, the member it is for, who wrote it and when. */
export interface RosterNote {
  dutyId: string;
  memberId: string | null;
  by: string;
  at: number;
}

/** An ignored event on a duty, with its note, so the duty's page can show it. */
export interface DutyAnomaly extends Anomaly, RosterNote {}

/**
 * An index of the public log's roster events by id: the fold's anomalies name events only, and a
 * duty's page shows the ones about it (the last slot taken twice offline, say).
 */
export class RosterNotes implements Fold<{ get(eventId: string): RosterNote | undefined }> {
  readonly #notes = new Map<string, RosterNote>();
  /** Inserted batches not indexed yet: only a duty's page reads the index, so it is built on first read. */
  #unindexed: unknown[][] = [];
  version = 0;
  readonly state = { get: (eventId: string) => this.#indexed().get(eventId) };

  applyDelta(delta: YArrayDelta): void {
    // The log is append-only (the relay refuses deletions), so the index only ever grows.
    let grew = false;
    for (const op of delta)
      if (Array.isArray(op.insert) && op.insert.length) {
        this.#unindexed.push(op.insert);
        grew = true;
      }
    if (grew) this.version++;
  }

  #indexed(): ReadonlyMap<string, RosterNote> {
    for (const batch of this.#unindexed) for (const raw of batch) this.#index(raw);
    this.#unindexed = [];
    return this.#notes;
  }

  #index(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return;
    const e = raw as { id?: unknown; type?: unknown; dutyId?: unknown; memberId?: unknown; by?: unknown; at?: unknown };
    if (typeof e.id !== 'string' || typeof e.type !== 'string' || !e.type.startsWith('roster.')) return;
    const dutyId = e.type === 'roster.duty.created' ? e.id : e.dutyId;
    if (typeof dutyId !== 'string' || this.#notes.has(e.id)) return;
    this.#notes.set(e.id, {
      dutyId,
      memberId: typeof e.memberId === 'string' ? e.memberId : null,
      by: String(e.by ?? ''),
      at: typeof e.at === 'number' ? e.at : 0,
    });
  }
}

export const makeRosterNotes = () => new RosterNotes();

/** Ignored events about duties (all of them, or one duty's), with their notes, in log order. */
export function dutyAnomalies(
  anomalies: readonly Anomaly[],
  notes: { get(eventId: string): RosterNote | undefined },
  dutyId?: string,
): DutyAnomaly[] {
  const out: DutyAnomaly[] = [];
  for (const a of anomalies) {
    if (!a.type.startsWith('roster.')) continue;
    const note = notes.get(a.eventId);
    if (note && (dutyId === undefined || note.dutyId === dutyId)) out.push({ ...a, ...note });
  }
  return out;
}
