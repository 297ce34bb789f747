import type { MeetingKind } from '../events/meeting.ts';
import type { Party } from '../roles.ts';
import type { ExpenseStatus } from './ledger.ts';
import type { Stage } from './RequestState.ts';

/** Why a fold ignores an event, as a stable code; words for each live in the client's catalogs. */
export const AnomalyCode = {
  /** The element fails its type's schema, or has no known type. */
  Schema: 'schema',
  /** The event belongs in another document (a minutes event in the public log...). */
  WrongDocument: 'wrong_document',
  /** An earlier or later event has the same id. */
  DuplicateId: 'duplicate_id',
  /** What the event names does not exist at that point in the log. */
  NoSuch: 'no_such',
  /** The request's stage does not allow the event. */
  Stage: 'stage',
  /**
   * A merge into a request its author's copy held ended: the relay refuses it (`agendaRefusal`). The
   * fold keeps a merge into a target that ended on a phone that had not seen it.
   */
  TargetEnded: 'target_ended',
  /**
   * A decision whose author's copy held a final one on the request, or a step of the deliberation
   * (an edit, a scheduling, a count, a vote) whose author's copy held it decided: the relay refuses
   * it (`decisionRefusal`, `agendaRefusal`). The fold keeps decisions made at once as
   * `concurrentDecisions`, and a step written beside a decision without moving the stage.
   */
  AlreadyDecided: 'already_decided',
  /**
   * A resident's own confirmation whose copy held theirs already, or an answer whose author's copy
   * held the escalation answered: the relay refuses it (`agendaRefusal`). The fold counts a
   * resident's confirmations made at once as one, and keeps answers made at once
   * (`concurrentAnswers`).
   */
  AlreadyConfirmed: 'already_confirmed',
  AlreadyAnswered: 'already_answered',
  /**
   * A completion, or a step of the work on a completed request, whose author's copy held the request
   * completed: the relay refuses it (`agendaRefusal`). The fold keeps completions made at once
   * (`concurrentCompletions`), and work written beside one.
   */
  AlreadyCompleted: 'already_completed',
  /**
   * A decision, merge, withdrawal, or a step the request no longer takes (a vote, a classification...),
   * whose author's copy held the request withdrawn, or merged: the relay refuses it (`decisionRefusal`,
   * `agendaRefusal`). The fold keeps one written at once (`withdrawal`, `merges`; a step without
   * moving the stage).
   */
  AlreadyWithdrawn: 'already_withdrawn',
  /**
   * 以这条为准 whose author's copy held the decisions on the request settled already: the relay refuses
   * it (`agendaRefusal`, the minutes' `upholdRefusal`). The fold keeps two written at once, the earlier
   * by (at, id) standing, and shows both.
   */
  AlreadyUpheld: 'already_upheld',
  /**
   * 以这条为准 on a rejection whose author's copy held the request assigned or completed: the relay
   * refuses it (`agendaRefusal`); the 以这条为准 question says the request's own decision stays.
   */
  AlreadyAssigned: 'already_assigned',
  /**
   * 以这条为准 stamped before the decision it names (by (at, id)): no phone wrote it after seeing the
   * decision with an honest clock, and the earliest settlement stands, so it is ignored.
   */
  BeforeTarget: 'before_target',
  AlreadyMerged: 'already_merged',
  /** Only the member who raised a request edits or withdraws it. */
  NotRaiser: 'not_raiser',
  NothingToRate: 'nothing_to_rate',
  /** A payment before all three parties approved. */
  NotApproved: 'not_approved',
  /**
   * A payment above the limit in force when the expense was proposed, with no owners' assembly
   * decision that passed, by a payer whose copy held the limit: the relay refuses it. The fold never
   * ignores a payment for it (one whose payer had not seen the limit counts and is shown).
   */
  TierUnmet: 'tier_unmet',
  /** An expense linked to a meeting that is not an owners' assembly. */
  NotAssembly: 'not_assembly',
  /** The expense has moved past the step the event takes. */
  ExpenseStatus: 'expense_status',
  AlreadyApproved: 'already_approved',
  /**
   * A reversal by a member whose copy held the entry reversed: the relay refuses it. Two made offline
   * at once are both kept, the earliest by (at, id) standing.
   */
  AlreadyReversed: 'already_reversed',
  AlreadyCorrected: 'already_corrected',
  /** A correction of a line of its author's own account: the relay refuses it (`correctionRefusal`). */
  OwnLine: 'own_line',
  /**
   * An award a committee member gives themself by a rule that rewards something else than the one
   * duty, meeting or snap report it names: the relay refuses it (`selfAwardRefusal`).
   */
  SourceKind: 'source_kind',
  /** An award to oneself naming a duty one did not serve, or a snap report one did not raise. */
  NotOwnSource: 'not_own_source',
  /** An award to oneself of more hours than the duty's times served, or more than once for a meeting or report. */
  UnitsOver: 'units_over',
  /**
   * A rule's award for a shift, meeting or report that already has one for the member (two
   * committee phones tapping one suggestion offline): it counts once.
   */
  AlreadyAwarded: 'already_awarded',
  /**
   * A correction or reversal of an event the fold ignored: it lost a conflict its author never saw
   * (the same ticket redeemed at two counters offline), so there is nothing to take back.
   */
  TargetIgnored: 'target_ignored',
  /**
   * A redemption costing more than the balance its counter's copy held: the relay refuses it. One
   * that two offline counters each allowed is kept; the account lists it as overdrawn.
   */
  Overdraft: 'overdraft',
  /** The redemption QR's one-time id was redeemed before: it counts once. */
  TicketUsed: 'ticket_used',
  /**
   * A move, topic order or cancellation whose author's copy held the meeting cancelled: the relay
   * refuses it (`meetingRefusal`). The fold keeps one written on a phone that had not seen it.
   */
  MeetingCancelled: 'meeting_cancelled',
  /** Moving a meeting may not change its kind. */
  MeetingKind: 'meeting_kind',
  /**
   * A scheduling placed before the one that created its meeting id: the relay refuses it
   * (`meetingRefusal`), as it would take the creation's place and choose the meeting's kind.
   */
  MeetingExists: 'meeting_exists',
  /**
   * The creation of a meeting whose id names another member as its creator (`shared/meetingIds.ts`):
   * the relay refuses it, so a member who saw a meeting's QR before it synced cannot take it first.
   */
  MeetingNotYours: 'meeting_not_yours',
  DutyCancelled: 'duty_cancelled',
  /**
   * A visitor assignment or a closing whose author's copy held the household closed: the relay
   * refuses it (`careRefusal`). The fold keeps one written on a phone that had not seen it.
   */
  HouseholdClosed: 'household_closed',
  AlreadyRevoked: 'already_revoked',
  /** A role change for a resident or a partner: only committee members become admins, and back. */
  NotCommittee: 'not_committee',
  AlreadySignedUp: 'already_signed_up',
  NoFreeSlot: 'no_free_slot',
  NotSignedUp: 'not_signed_up',
  AlreadyCheckedIn: 'already_checked_in',
  NotCheckedIn: 'not_checked_in',
  AlreadyCheckedOut: 'already_checked_out',
  /** A correction, standby or change of places made as a team's lead by someone who does not lead the duty's team. */
  NotLead: 'not_lead',
  /**
   * A standby for a member whose sign-up held a place in its author's copy (改为候补 is offered only
   * beside an over-full one): the relay refuses it (`standbyRefusal`).
   */
  HasPlace: 'has_place',
  /**
   * A claim by a unit whose copy held the listing claimed: the relay refuses it. Two units claiming
   * offline at once are both kept; the committee sees the one not holding it (`rivalClaims`).
   */
  AlreadyClaimed: 'already_claimed',
  /** Only the unit that claimed a listing reports back on it. */
  NotClaimer: 'not_claimer',
  /** An acceptance by a committee member whose copy held the claim accepted: the relay refuses it. */
  AlreadyAccepted: 'already_accepted',
  NothingReported: 'nothing_reported',
  /** Every present party signed the minutes; only amendments follow. */
  MinutesLocked: 'minutes_locked',
  /** An amendment before every present party signed: until then the minutes change directly. */
  NotLocked: 'not_locked',
  AlreadySignedIn: 'already_signed_in',
  AlreadySignedOff: 'already_signed_off',
  /** A party signs off minutes only if someone sat for it. */
  PartyAbsent: 'party_absent',
  /** A done mark must name the action item's own owner (the relay checked the author against it). */
  NotOwner: 'not_owner',
} as const;
export type AnomalyCode = (typeof AnomalyCode)[keyof typeof AnomalyCode];

/** Every anomaly code, for tests and tools that go through them all. */
export const anomalyCodes: readonly AnomalyCode[] = /* @__PURE__ */ Object.values(AnomalyCode);

/** What a `no_such` anomaly found missing; `target` is the event a correction or reversal names. */
export const things = [
  'request',
  'meeting',
  'escalation',
  'fund',
  'expense',
  'rule',
  'duty',
  'goods',
  'team',
  'household',
  'listing',
  'claim',
  'member',
  'target',
] as const;
export type Thing = (typeof things)[number];

/** The parameters each code carries besides itself. */
interface AnomalyParams {
  schema: {
    /** The first schema issue, in English for developers; never shown to users. */
    issue: string;
  };
  no_such: { thing: Thing };
  stage: { stage: Stage };
  target_ended: { stage: Stage };
  expense_status: { status: Exclude<ExpenseStatus, 'proposed'> };
  already_approved: { party: Party };
  tier_unmet: { limitFen: number };
  overdraft: { balance: number; cost: number };
  meeting_kind: { meetingKind: MeetingKind };
  already_signed_off: { party: Party };
  party_absent: { party: Party };
}

/**
 * Why a fold ignores an event: a code and its parameters, e.g. `{ code: 'stage', stage: 'closed' }`
 * or `{ code: 'no_such', thing: 'request' }`. Plain JSON, compared by value.
 */
export type AnomalyReason = {
  [C in AnomalyCode]: { code: C } & (C extends keyof AnomalyParams ? AnomalyParams[C] : unknown);
}[AnomalyCode];

/** The reason with this code. */
export type AnomalyOf<C extends AnomalyCode> = Extract<AnomalyReason, { code: C }>;

/** True if two reasons have the same code and parameters. */
export function sameReason(a: AnomalyReason | undefined, b: AnomalyReason | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.code !== b.code) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const key in x) if (x[key] !== y[key]) return false;
  return true;
}
