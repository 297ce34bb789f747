import type { AnomalyReason } from './AnomalyReason.ts';
import type { CareState } from './care.ts';
import type { GridState } from './grid.ts';
import type { LedgerState } from './ledger.ts';
import type { MeetingsState } from './meetings.ts';
import type { MemberState } from './members.ts';
import type { PointsState } from './points.ts';
import type { PracticeState } from './practice.ts';
import type { AgendaState } from './RequestState.ts';
import type { RostersState } from './rosters.ts';
import type { UnitsState } from './units.ts';

/** An event the fold kept but ignored, and why. */
export interface Anomaly {
  eventId: string;
  type: string;
  reason: AnomalyReason;
}

/**
 * Everything a compound's event log says, as plain JSON. Fold each document on its own: the
 * public one fills all but `care`, `units` and `members`, the committee one `care` and `units`, the
 * members one `members`.
 */
export interface CompoundState {
  agenda: AgendaState;
  rosters: RostersState;
  care: CareState;
  /** The unit register, for the owners' assembly (committee document). */
  units: UnitsState;
  points: PointsState;
  ledger: LedgerState;
  meetings: MeetingsState;
  practice: PracticeState;
  /** The micro-grid's posts: 楼栋长 and 邻长 (public document). */
  grid: GridState;
  members: Record<string, MemberState>;
  /** Ignored events in log order. */
  anomalies: Anomaly[];
}

export function emptyCompoundState(): CompoundState {
  return {
    agenda: { requests: {} },
    rosters: { teams: {}, duties: {}, minutesByMember: {} },
    care: { households: {} },
    units: { units: {} },
    points: { rules: {}, accounts: {}, goods: {}, thanksWall: null },
    ledger: { funds: {}, incomes: {}, expenses: {}, monthly: {}, tiers: [] },
    meetings: { meetings: {} },
    practice: { profiles: {}, listings: {} },
    grid: { posts: {} },
    members: {},
    anomalies: [],
  };
}
