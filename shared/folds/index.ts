/** The folds: events in, plain state out. */

export type { AnomalyOf, AnomalyReason, Thing } from './AnomalyReason.ts';
export { AnomalyCode, anomalyCodes, sameReason, things } from './AnomalyReason.ts';
export type { ArrayDelta } from './ArrayDelta.ts';
export type { ListedRequest, Turn } from './agendaQueries.ts';
export {
  applyActionItems,
  awaitsRating,
  daysPast,
  isOverdue,
  listedRequest,
  openDeadline,
  pastDeadline,
  RATING_WINDOW_DAYS,
  turns,
  voteCounts,
  whoseTurn,
} from './agendaQueries.ts';
export type { AssemblyOutcome, AssemblyVote, VotingOwner } from './assemblyTally.ts';
export { assemblyOutcome, assemblyTally, countVotes, perMille, votingOwners } from './assemblyTally.ts';
export { CompoundFold } from './CompoundFold.ts';
export type { Anomaly, CompoundState } from './CompoundState.ts';
export { emptyCompoundState } from './CompoundState.ts';
export type { CareState, CareStatus, Closing, HouseholdState, Visit } from './care.ts';
export { cadenceDays, careStatus, nextDue } from './care.ts';
export type { CareRow, VisitMonth } from './careQueries.ts';
export { careRow, careRows, careTurns, closedHouseholds, visitHistory } from './careQueries.ts';
export type { Signup } from './dutySignups.ts';
export { foldEvents } from './foldEvents.ts';
export type { ActionItem, MinutesState } from './foldMinutes.ts';
export { foldMinutes } from './foldMinutes.ts';
export type { GridPost, GridState, Naming } from './grid.ts';
export { postId } from './grid.ts';
export type { BuildingGrid } from './gridQueries.ts';
export {
  buildingGrid,
  buildingKey,
  gridBuildings,
  HOUSEHOLDS_MAX,
  HOUSEHOLDS_MIN,
  householdWarning,
  openRequestsOf,
  postsHeldBy,
  requestAtHouseholds,
  requestPlace,
} from './gridQueries.ts';
export type { ExpenseState, ExpenseStatus, FundState, IncomeState, LedgerState, MonthTotals } from './ledger.ts';
export type { CadenceStatus } from './meetingCadence.ts';
export { cadenceLimits, meetingCadence } from './meetingCadence.ts';
export type { Cancellation, MeetingState, MeetingsState, TopicOrder } from './meetings.ts';
export { meetingTopics, orderTopics } from './meetings.ts';
export type { MemberState } from './members.ts';
export type { NeedsBoard, RivalClaim } from './needsQueries.ts';
export { awaitingAcceptance, myClaims, needsBoard, rivalClaims } from './needsQueries.ts';
export type {
  AwardSource,
  GoodsCount,
  GoodsState,
  PointsAccount,
  PointsEntry,
  PointsRule,
  PointsState,
  ThanksWallSetting,
} from './points.ts';
export type { Attendance, AwardSuggestion, HistoryLine, Overdraft, ScannedTwice } from './pointsQueries.ts';
export {
  awardSuggestions,
  historyLines,
  meetingsToAward,
  overdrafts,
  ruleFor,
  rulesByDay,
  rulesInForce,
  scannedTwice,
  ticketHolder,
  ticketRedemption,
  ticketUsed,
} from './pointsQueries.ts';
export type { Claim, ListingState, PracticeState, ProfileState } from './practice.ts';
export { householdsOfLead } from './practice.ts';
export type {
  AgendaState,
  Answer,
  Assignment,
  Completion,
  Confirmation,
  Decision,
  Edit,
  EditChange,
  Escalation,
  Merge,
  ProgressNote,
  Rating,
  RequestState,
  Stage,
  TimelineEntry,
  Vote,
  Withdrawal,
} from './RequestState.ts';
export { editedFields, endStages, stages, undecidedStages } from './RequestState.ts';
export type { MonthHours } from './rosterQueries.ts';
export {
  beforeCutoff,
  byWhen,
  CHECK_OUT_GRACE_MS,
  checkInWindow,
  dutiesByDay,
  dutiesOf,
  dutyEndsAt,
  dutyStartsAt,
  memberMonths,
  memberSignup,
  monthHours,
  monthOf,
  servedMinutes,
  upcomingDuties,
  weeklyDays,
} from './rosterQueries.ts';
export type { DutyState, RostersState, TeamState } from './rosters.ts';
export type { AcceptedSnap, ReporterKind, SnapCounts, SnapMonth } from './snapQueries.ts';
export {
  acceptedSnapReports,
  reporterKind,
  reporterKinds,
  snapAcceptedAt,
  snapCountsByMonth,
  snapReports,
} from './snapQueries.ts';
export { thankedMembers, thanksWallOn } from './thanksWall.ts';
export type { UnitDraft, UnitState, UnitsState } from './units.ts';
export { unitKey } from './units.ts';
