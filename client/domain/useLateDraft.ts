import { type Accessor, createEffect, createSignal } from 'solid-js';
import * as Y from 'yjs';
import type { MinutesState } from '../../shared/folds/foldMinutes.ts';
import type { DocHandle } from '../sync/DocHandle.ts';
import { compoundKey } from '../sync/localKeys.ts';
import { type LateWork, lateWork } from './lateMinutes.ts';

const key = (compoundId: string, meetingId: string) => compoundKey('minutes-late', compoundId, meetingId);

function read(k: string): LateWork | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(k) ?? 'null') as LateWork | null;
    return v && typeof v.notes === 'string' && Array.isArray(v.events) ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What this phone wrote while offline that the relay refused because the minutes were locked
 * meanwhile: taken from the copy saved at the refusal, kept on the phone until the member turns
 * it into an amendment or lets it go, so nothing they typed silently disappears.
 */
export function useLateDraft(
  compoundId: string,
  meetingId: string,
  handle: DocHandle,
  state: Accessor<MinutesState>,
): { late: Accessor<LateWork | undefined>; forget(): void } {
  const k = key(compoundId, meetingId);
  const [late, setLate] = createSignal<LateWork | undefined>(read(k));
  let taken: unknown;

  createEffect(() => {
    const problem = handle.problem();
    if (problem?.kind !== 'recovered' || taken === problem) return;
    // Wait for the relay's copy: only then is it known what it lacks and that the minutes are locked.
    if (!handle.synced() || !state().locked) return;
    taken = problem;
    const relayVector = Y.encodeStateVector(handle.doc());
    void problem.copy.bin.arrayBuffer().then((buffer) => {
      const work = lateWork(new Uint8Array(buffer), relayVector);
      if (!work.notes && work.events.length === 0) return;
      setLate(work);
      try {
        localStorage.setItem(k, JSON.stringify(work));
      } catch {
        // No storage: the draft lasts while the page is open, and the saved file holds it too.
      }
      // The page says what happened in its own words; the general dialog would say it again.
      handle.dismissProblem();
    });
  });

  return {
    late,
    forget() {
      setLate(undefined);
      try {
        localStorage.removeItem(k);
      } catch {
        // Nothing stored.
      }
    },
  };
}
