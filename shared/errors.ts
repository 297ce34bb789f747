import type { EventType } from './events/index.ts';
import type { AnomalyReason } from './folds/AnomalyReason.ts';
import type { Party } from './roles.ts';
import type { DocKind } from './rooms.ts';
import type { Who } from './rules/permissions.ts';

/** Websocket close codes the relay uses; the client turns each into words (client/i18n). */
export const CloseCode = {
  /** A frame that is not the y-websocket protocol, or an update Yjs cannot decode. */
  BadMessage: 4400,
  /** Missing, unknown or revoked token. */
  Unauthenticated: 4401,
  /** The member may not read this document, or may read but not write it. */
  Forbidden: 4403,
  /** No such compound or document. */
  NotFound: 4404,
  /** A frame over the size limit. */
  TooLarge: 4413,
  /** An update that breaks the governance rules (deletes an event, forged author, bad schema...). */
  UpdateRejected: 4422,
  /** Too many messages, bytes or connections. */
  RateLimited: 4429,
  /** The member's events or bytes for today are used up; the relay takes more tomorrow. */
  QuotaExceeded: 4430,
  /**
   * The server failed to store an update, or its own code failed on a frame (a bug, not the
   * sender's fault); nothing was forwarded, and the phone keeps its copy and tries again.
   */
  ServerError: 4500,
  /**
   * The member's role changed (made an admin, or an admin no longer): the client reconnects, and the
   * relay then checks its writes under the new role. Outside 4400-4499, so nothing is refused.
   */
  RoleChanged: 4100,
  /** The server is shutting down (the websocket protocol's own 1001); the client reconnects. */
  GoingAway: 1001,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which the client's copy of a document holds something the relay refused. */
export const poisoningCloseCodes: readonly number[] = [
  CloseCode.BadMessage,
  CloseCode.Forbidden,
  CloseCode.UpdateRejected,
];

/** Close codes after which reconnecting cannot help until the user acts. */
export const fatalCloseCodes: readonly number[] = [CloseCode.Unauthenticated, CloseCode.Forbidden, CloseCode.NotFound];

/** Error codes of the JSON API: `{"error":{"code","message"}}`. */
export const ApiErrorCode = {
  BadRequest: 'bad_request',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  InviteNotFound: 'invite_not_found',
  InviteExpired: 'invite_expired',
  InviteUsedUp: 'invite_used_up',
  /** An admin revoked the invite, or the member who made it was removed. */
  InviteRevoked: 'invite_revoked',
  /** A committee member minting a committee invite for another party. */
  ForbiddenParty: 'forbidden_party',
  Conflict: 'conflict',
  /** Only a committee member of the compound can be made an admin (or an admin a committee member). */
  NotCommittee: 'not_committee',
  /** The compound's only admin cannot step back: they make someone else an admin first. */
  LastAdmin: 'last_admin',
  TooLarge: 'too_large',
  UnsupportedMedia: 'unsupported_media',
  RateLimited: 'rate_limited',
  /** The compound holds as many images as it may. */
  ImageCountQuota: 'image_count_quota',
  /** The compound's images take as many bytes as they may. */
  ImageByteQuota: 'image_byte_quota',
  Internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** Why the relay refused an update; the reason string is sent as the close reason. */
export const RejectReason = {
  DeleteForbidden: 'delete_forbidden',
  Schema: 'schema',
  ForgedAuthor: 'forged_author',
  NotPermitted: 'not_permitted',
  UnknownType: 'unknown_type',
  WrongDocument: 'wrong_document',
  UnknownRoot: 'unknown_root',
  NestedType: 'nested_type',
  MapWrite: 'map_write',
  BadContent: 'bad_content',
  Unresolved: 'unresolved',
  ReadOnly: 'read_only',
  Malformed: 'malformed',
  TooLarge: 'too_large',
  /** The member has appended as many events today as they may. */
  EventQuota: 'event_quota',
  /** The update would take the member past the bytes they may append today. */
  ByteQuota: 'byte_quota',
  /**
   * An event breaks a rule its author's own copy held what it needs for (an id the log has, a
   * payment before the approvals, minutes changed after the lock): see shared/rules/causal.ts.
   */
  CausalRule: 'causal_rule',
  /** The update writes under a Yjs client id whose structs another member wrote. */
  ForeignClient: 'foreign_client',
  /**
   * An event is stamped more than a day after the relay's clock (`MAX_CLOCK_AHEAD_MS`). Folds keep
   * the latest of some settings by time; a far-future stamp would win against every later change.
   */
  ClockAhead: 'clock_ahead',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

/** Every reject reason, for tests and tools that go through them all. */
export const rejectReasons: readonly RejectReason[] = /* @__PURE__ */ Object.values(RejectReason);

/** Rules on an event's own fields that hold whoever appends it (the permission table's checks). */
export const RuleCode = {
  /** Members sign up, check in or register for themselves; committee members may for anyone. */
  OnlyForSelf: 'only_for_self',
  /** Only a member of a party records its approval, refusal or sign-off. */
  OwnParty: 'own_party',
  /** An edit changes at least one field. */
  EmptyEdit: 'empty_edit',
  MergeIntoItself: 'merge_into_itself',
  /** Only a recorder (a committee member) enters names from a paper sheet. */
  PaperByRecorder: 'paper_by_recorder',
  /** An escalation to a department names it; one to the community names none. */
  DepartmentName: 'department_name',
  /** A duty ends after it starts. */
  DutyEndsFirst: 'duty_ends_first',
  /** A corrected check-out comes after the check-in, within a day. */
  ShiftTimes: 'shift_times',
  /** A correction made as the committee is made by a committee member. */
  CommitteeOnly: 'committee_only',
  /** A points rule is worth some points. */
  RuleWorthNothing: 'rule_worth_nothing',
  /** An award names a rule or an amount, not both and not neither. */
  AwardRuleOrAmount: 'award_rule_or_amount',
  AwardOfNothing: 'award_of_nothing',
  /**
   * No committee member gives themself points by hand (记分, or a correction's 改记为): an award to
   * its own author names a rule and what it pays for (a suggestion confirmed), never an amount.
   */
  AwardToSelf: 'award_to_self',
  TagTwice: 'tag_twice',
  /** A listing offers a request or a micro-wish, not both and not neither. */
  RequestOrWish: 'request_or_wish',
  /** A resident's name on the needs board is masked (王*): partner units read that document. */
  NameNotMasked: 'name_not_masked',
  /** A partner claims for their own unit; residents do not claim. */
  OwnUnit: 'own_unit',
  /** A visit's day is not after the day it was written down. */
  VisitDayAhead: 'visit_day_ahead',
  /** A visit is written down at most `MAX_VISIT_DAYS_BACK` days after its day. */
  VisitDayTooOld: 'visit_day_too_old',
} as const;
export type RuleCode = (typeof RuleCode)[keyof typeof RuleCode];

/** Every rule code, for tests and tools that go through them all. */
export const ruleCodes: readonly RuleCode[] = /* @__PURE__ */ Object.values(RuleCode);

/** A rule an event breaks, with what it needs: `own_party` names the party it must be recorded by. */
export type BrokenRule =
  | { code: typeof RuleCode.OwnParty; party: Party }
  | { code: Exclude<RuleCode, typeof RuleCode.OwnParty> };

/**
 * A refusal: its reason and, where the check knows it, what it names, so the client can say it in
 * words (e.g. `{ reason: 'not_permitted', type: 'request.decided', who: 'committee' }`).
 */
export type Refusal =
  /** A reason alone (how an update is built, or a policy that names nothing more). */
  | { reason: RejectReason }
  | { reason: typeof RejectReason.UnknownType; type: string }
  | { reason: typeof RejectReason.Schema | typeof RejectReason.ForgedAuthor; type: EventType }
  | { reason: typeof RejectReason.WrongDocument; type: EventType; doc: DocKind }
  /** The member's role falls short of who may append the type. */
  | { reason: typeof RejectReason.NotPermitted; type: EventType; who: Who }
  /** The event breaks a rule on its own fields. */
  | { reason: typeof RejectReason.NotPermitted; type: EventType; rule: BrokenRule }
  /** The event (or, with no type, the minutes text) breaks a causal rule; the fold's reason says which. */
  | { reason: typeof RejectReason.CausalRule; type?: EventType; anomaly: AnomalyReason };

/** The close code of a refused update, where it is not `UpdateRejected`. */
export const refusalCloseCodes: Readonly<Partial<Record<RejectReason, CloseCode>>> = {
  [RejectReason.ReadOnly]: CloseCode.Forbidden,
  [RejectReason.Malformed]: CloseCode.BadMessage,
  [RejectReason.TooLarge]: CloseCode.TooLarge,
  [RejectReason.EventQuota]: CloseCode.QuotaExceeded,
  [RejectReason.ByteQuota]: CloseCode.QuotaExceeded,
};

/** The close code for a refusal: read-only, malformed, too large and quotas have their own. */
export function closeCodeOf(reason: RejectReason): number {
  return refusalCloseCodes[reason] ?? CloseCode.UpdateRejected;
}

/**
 * A refusal carrying a reason (never returned as if it were data). `detail` is English for server
 * logs and the close reason; users see words for `refusal` instead.
 */
export class RuleError extends Error {
  readonly refusal: Refusal;

  constructor(refusal: Refusal | RejectReason, detail: string) {
    const r: Refusal = typeof refusal === 'string' ? { reason: refusal } : refusal;
    super(`${r.reason}: ${detail}`);
    this.name = 'RuleError';
    this.refusal = r;
  }

  get reason(): RejectReason {
    return this.refusal.reason;
  }
}
