import { type Accessor, createMemo } from 'solid-js';
import type { RostersState } from '../../shared/folds/index.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import { type DutyAnomaly, dutyAnomalies, makeRosterNotes } from './RosterNotes.ts';
import { useSession } from './session.ts';
import { usePublicView } from './usePublicView.ts';

export type { DutyAnomaly };

/** Teams, duties and minutes served, from the public log's shared fold. */
export function useRosters(): Accessor<RostersState> {
  const view = usePublicView();
  return () => view().compound.rosters;
}

/**
 * Roster events the fold set aside (all, or one duty's), with the duty and member each names:
 * a sign-up past the last slot made offline shows here for the lead to settle.
 */
export function useDutyAnomalies(dutyId?: () => string): Accessor<DutyAnomaly[]> {
  const session = useSession();
  const view = usePublicView();
  const notes = createFoldState(() => session.doc('public').events(), makeRosterNotes);
  return createMemo(() => {
    const anomalies = view().compound.anomalies;
    // Most logs have no roster anomaly at all: the index is not built for them.
    if (!anomalies.some((a) => a.type.startsWith('roster.'))) return [];
    return dutyAnomalies(anomalies, notes(), dutyId?.());
  });
}
