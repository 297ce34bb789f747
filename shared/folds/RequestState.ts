import type { Tally } from '../events/envelope.ts';
import type { Category, LedgerRef, Outcome, Owner, Priority, VoteChoice } from '../events/request.ts';
import type { Stamp } from './stamp.ts';

/**
 * Where a request stands in the six-step loop (六步工作法):
 * raised (开放说事) → classified (分类理事) → scheduled for a meeting → decided, i.e. approved
 * (民主议事) → assigned an owner and a deadline (明责办事) → completed and open to ratings (公开评事)
 * → reopened when residents are unsatisfied (追踪查事), then assigned or completed again.
 * Ends: closed (rejected), withdrawn (by its raiser), merged (into another request).
 */
export const stages = [
  'raised',
  'classified',
  'scheduled',
  'decided',
  'assigned',
  'completed',
  'reopened',
  'closed',
  'withdrawn',
  'merged',
] as const;
export type Stage = (typeof stages)[number];

/** Stages in which nothing moves the request any more. */
export const endStages: readonly Stage[] = ['closed', 'withdrawn', 'merged'];

/** Stages before any decision: its raiser may still edit or withdraw it, the committee merge it. */
export const undecidedStages: readonly Stage[] = ['raised', 'classified', 'scheduled'];

export interface Act {
  eventId: string;
  at: number;
  by: string;
}
export interface Decision extends Act {
  outcome: Outcome;
  note: string;
  tally: Tally | null;
}
/** 以这条为准: the final decision a committee member settled as the one that stands. */
export interface Upholding extends Act {
  decisionId: string;
}
export interface Confirmation extends Act {
  /** Names on a photographed paper sheet; null when the resident confirmed in the app. */
  onPaper: { names: string[]; photos: string[] } | null;
}
export interface Assignment extends Act {
  owner: Owner;
  /** Asia/Shanghai day "YYYY-MM-DD" by which it must be done. */
  deadline: string;
  note: string | null;
  /** 'minutes' when it came from a meeting's action item (see applyActionItems). */
  source: 'agenda' | 'minutes';
}
export interface Answer extends Act {
  text: string;
}
export interface Escalation extends Act {
  to: 'community' | 'department';
  department: string | null;
  note: string | null;
  /** The earliest answer by (at, id). */
  answer: Answer | null;
  /** Other answers written at once on phones that had not seen it, in (at, id) order: a conflict to show. */
  concurrentAnswers: Answer[];
}
export interface ProgressNote extends Act {
  note: string;
  photos: string[];
}
export interface Completion extends Act {
  result: string;
  photos: string[];
}
export interface Vote extends Act {
  choice: VoteChoice;
}
export interface Rating extends Act {
  stars: number;
  solved: boolean | null;
  comment: string | null;
}
export interface Merge extends Act {
  intoId: string;
}
export interface Withdrawal extends Act {
  reason: string;
}
/** The words a request's raiser may correct (request.edited), and what one correction changed. */
export const editedFields = ['title', 'building', 'location', 'detail'] as const;
export interface EditChange {
  field: (typeof editedFields)[number];
  before: string | null;
  after: string;
}
export interface Edit extends Act {
  /** What the edit set each field to, whether or not that changed it. */
  set: Partial<Record<(typeof editedFields)[number], string>>;
  /** What it changed, from the words the edits stamped before it left. */
  changes: EditChange[];
  /** The photos were replaced too. */
  photos: boolean;
}
/**
 * A step of the work or of its review, as the request's rounds are settled from it: a completion,
 * a rating, the committee's reopening, an assignment, or other work (a progress note, an escalation).
 */
export type LoopStep = Stamp &
  (
    | { kind: 'completed'; completion: Completion }
    | { kind: 'rated'; rating: Rating }
    | { kind: 'reopened'; reason: string }
    | { kind: 'assigned' | 'worked' }
  );

/** What a later event replaces on a request: see `RequestState.settings`. */
export type RequestSetting = 'tally' | 'classification' | 'meeting' | 'photos';

export interface TimelineEntry extends Act {
  type: string;
}

/** One request of the agenda, as folded from its events. Its id is the id of its `request.raised`. */
export interface RequestState {
  id: string;
  title: string;
  category: Category;
  detail: string | null;
  location: string | null;
  photos: string[];
  building: string | null;
  raisedFor: string | null;
  /** The ledger entry it asks about (质询), if any. */
  ledgerRef: LedgerRef | null;
  /** Raised as a snap report (随手拍). */
  snap: boolean;
  raisedBy: string;
  raisedAt: number;
  /** The meeting it was collected for as a topic, if any. */
  topicFor: string | null;
  stage: Stage;
  priority: Priority | null;
  meetingId: string | null;
  /** The latest show-of-hands count by (at, id), tallied or carried by a decision. */
  tally: Tally | null;
  /**
   * The event each setting holds: the latest by (at, id), wherever the log holds them, so two
   * members setting one offline at once end alike (`category` and `priority` by classification,
   * `meetingId` by scheduling, `photos` by the raiser's edit).
   */
  settings: Partial<Record<RequestSetting, Stamp>> & { classification?: Stamp & { carried?: true } };
  /** Each member's own latest vote by (at, id), in (at, id) order (voting again replaces it). */
  votes: Vote[];
  /**
   * The decision that stands: the final one (approved or rejected) once there is one, else the
   * latest deferral by (at, id). Of final decisions made at once on phones that had not seen each
   * other's, an approval stands over a rejection, else the earlier by (at, id).
   */
  decision: Decision | null;
  /**
   * The other final decisions made at the same time as the standing one, in (at, id) order: a
   * conflict to show, not a step. Empty unless two phones decided offline at once.
   */
  concurrentDecisions: Decision[];
  /**
   * 以这条为准, in (at, id) order: the earliest names the decision that stands, over the rule above
   * (the others in `concurrentDecisions` are then superseded, not open). More than one, naming
   * different decisions, were written at once: shown.
   */
  upholdings: Upholding[];
  /** Deferrals held, those written beside a final decision included. */
  deferrals: number;
  /**
   * In (at, id) order, as are `escalations` and `progress`: written at once, they list alike on every
   * phone. A member's own confirmation counts once, the earliest by (at, id).
   */
  confirmations: Confirmation[];
  assignment: Assignment | null;
  escalations: Escalation[];
  progress: ProgressNote[];
  /** The report of the work done; of two written at once, the earlier by (at, id). */
  completion: Completion | null;
  /**
   * Other completions of the same round written at once on phones that had not seen it, in (at, id)
   * order: a conflict to show. Emptied when the request is completed again after a reopening.
   */
  concurrentCompletions: Completion[];
  /**
   * Each member's latest rating by (at, id) of the current completion, in (at, id) order: a member
   * rating on two phones offline ends with the same one wherever the log holds the two.
   */
  ratings: Rating[];
  averageRating: number | null;
  reopenCount: number;
  /** Who reopened it last: the committee (with its reason) or residents' ratings; null if never. */
  reopenCause: 'committee' | 'ratings' | null;
  /** The committee's reason for the last reopening; null when ratings reopened it. */
  reopenReason: string | null;
  /**
   * While ratings alone have reopened the current completion (nobody acted since): what the reopen
   * fields were before, put back if more ratings lift the average again. Null otherwise.
   */
  reopenedFrom: { cause: 'committee' | 'ratings' | null; reason: string | null } | null;
  /**
   * Every completion, rating, committee reopening and step of the work (assignment, progress note,
   * escalation) in (at, id) order. Once the request is completed, its stage and the fields above
   * from `completion` on are settled by replaying these in that order (`agendaRounds.ts`), so steps
   * written at once on phones offline give the same rounds wherever the log holds them.
   */
  loop: LoopStep[];
  /** The raiser's corrections in (at, id) order, with the words they replaced. */
  edits: Edit[];
  /** The request it was merged into while a merge stands (the earliest by (at, id), no final decision). */
  mergedInto: string | null;
  /**
   * Every merge of this request, in (at, id) order. More than one, or one beside a final decision,
   * were written on phones that had not seen each other's: a conflict to show.
   */
  merges: Merge[];
  /** The requests a merge into this one was written for, in the order they were raised. */
  mergedFrom: string[];
  /**
   * The raiser's withdrawal, the earliest by (at, id). It ends the request unless a final decision or
   * a merge stands; beside one it was written on a phone that had not seen it: a conflict to show.
   */
  withdrawal: Withdrawal | null;
  /** The withdrawal's reason while it stands. */
  withdrawnReason: string | null;
  updatedAt: number;
  timeline: TimelineEntry[];
}

export interface AgendaState {
  requests: Record<string, RequestState>;
}
