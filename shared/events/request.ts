import * as v from 'valibot';
import { PartySchema } from '../roles.ts';
import { Day } from '../time.ts';
import {
  defineEvent,
  EventRef,
  ImageRefs,
  Int,
  Line,
  List,
  MeetingId,
  MemberId,
  SomeImageRefs,
  Tally,
  Text,
} from './envelope.ts';

/** Category keys are stable; labels live in the catalogs. */
export const categories = [
  'parking',
  'fire-lane',
  'ev-charging',
  'greenery',
  'roads',
  'lighting',
  'elevator',
  'property',
  'elderly',
  'children',
  'safety',
  'other',
] as const;
export type Category = (typeof categories)[number];
export const CategorySchema = v.picklist(categories);

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export const outcomes = ['approved', 'rejected', 'deferred'] as const;
export type Outcome = (typeof outcomes)[number];

export const voteChoices = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

/** Who answers for an assigned request: one of the three parties, or one named member. */
export const Owner = v.union([v.strictObject({ party: PartySchema }), v.strictObject({ memberId: MemberId })]);
export type Owner = v.InferOutput<typeof Owner>;

/** A ledger entry a request asks about (质询): an income or an expense, by the id of the event that made it. */
export const LedgerRef = v.strictObject({ kind: v.picklist(['income', 'expense']), id: EventRef });
export type LedgerRef = v.InferOutput<typeof LedgerRef>;

/** Step 1 开放说事. The request's id is this event's id. */
export const RequestRaised = defineEvent('request.raised', {
  title: Line(200),
  category: CategorySchema,
  detail: v.optional(Text(4000)),
  location: v.optional(Line(100)),
  photos: v.optional(ImageRefs),
  building: v.optional(Line(40)),
  /** A topic collected beforehand for this meeting (e.g. the owners' assembly). */
  meetingId: v.optional(MeetingId),
  /** The resident a recorder wrote the request down for (a building lead, at a little-stool meeting). */
  raisedFor: v.optional(Line(60)),
  /** The ledger entry the request asks about. */
  ledgerRef: v.optional(LedgerRef),
  /** Raised by 随手拍: photo first, a word or two; who reported is read from the raiser's profile tags. */
  snap: v.optional(v.literal(true)),
});

/** The raiser corrects their own request before it is decided (the fold ignores anyone else's edit). */
export const RequestEdited = defineEvent('request.edited', {
  requestId: EventRef,
  title: v.optional(Line(200)),
  detail: v.optional(Text(4000)),
  location: v.optional(Line(100)),
  photos: v.optional(ImageRefs),
  building: v.optional(Line(40)),
});

/**
 * Step 2 分类理事. `carried`: written by a meeting's decision on a request only raised (its own
 * category, normal priority, as the meeting took it up); a member's own classification stands over it.
 */
export const RequestClassified = defineEvent('request.classified', {
  requestId: EventRef,
  category: CategorySchema,
  priority: v.picklist(priorities),
  carried: v.optional(v.literal(true)),
});

/** A duplicate folded into the request that carries on. */
export const RequestMerged = defineEvent('request.merged', {
  requestId: EventRef,
  intoId: EventRef,
});

export const RequestScheduled = defineEvent('request.scheduled', {
  requestId: EventRef,
  meetingId: MeetingId,
});

/** A show of hands counted by the recorder; a later tally replaces it. */
export const RequestTallied = defineEvent('request.tallied', {
  requestId: EventRef,
  tally: Tally,
});

/** One member's own vote; voting again replaces it. */
export const RequestVoted = defineEvent('request.voted', {
  requestId: EventRef,
  choice: v.picklist(voteChoices),
});

/** Step 3 民主议事. Deferred sends it back to deliberation; approved or rejected is final. */
export const RequestDecided = defineEvent('request.decided', {
  requestId: EventRef,
  outcome: v.picklist(outcomes),
  tally: v.optional(Tally),
  note: Text(2000),
});

/**
 * 以这条为准: of the final decisions recorded on the request at once (on phones that had not seen each
 * other's), the one that stands, as the chair settled it; the others are shown as superseded. Of two
 * written at once, the earlier by (at, id) counts.
 */
export const RequestDecisionUpheld = defineEvent('request.decision.upheld', {
  requestId: EventRef,
  decisionId: EventRef,
});

/** Residents' 签字确认 of the decision: by the resident, or a paper sheet photographed by a recorder. */
export const RequestConfirmed = defineEvent('request.confirmed', {
  requestId: EventRef,
  onPaper: v.optional(v.strictObject({ names: v.pipe(List(Line(60), 300), v.minLength(1)), photos: SomeImageRefs })),
});

/** Step 4 明责办事, 限时办结: an owner and a deadline day (Asia/Shanghai). */
export const RequestAssigned = defineEvent('request.assigned', {
  requestId: EventRef,
  owner: Owner,
  deadline: Day,
  note: v.optional(Text(1000)),
});

export const RequestProgressed = defineEvent('request.progressed', {
  requestId: EventRef,
  note: Line(2000),
  photos: v.optional(ImageRefs),
});

/** 小区吹哨、部门报到: raised to the community or to a named government department. */
export const RequestEscalated = defineEvent('request.escalated', {
  requestId: EventRef,
  to: v.picklist(['community', 'department']),
  department: v.optional(Line(60)),
  note: v.optional(Text(1000)),
});

export const RequestAnswered = defineEvent('request.answered', {
  requestId: EventRef,
  escalationId: EventRef,
  answer: Line(2000),
});

/** Step 5 公开评事: the result is reported and residents may rate it. */
export const RequestCompleted = defineEvent('request.completed', {
  requestId: EventRef,
  result: Line(2000),
  photos: v.optional(ImageRefs),
});

/** One rating per member per completion; rating again replaces it. */
export const RequestRated = defineEvent('request.rated', {
  requestId: EventRef,
  stars: Int(1, 5),
  solved: v.optional(v.boolean()),
  comment: v.optional(Text(500)),
});

/** Step 6 追踪查事: the committee reopens a completed request. */
export const RequestReopened = defineEvent('request.reopened', {
  requestId: EventRef,
  reason: Line(500),
});

/** The raiser takes the request back before it is decided. */
export const RequestWithdrawn = defineEvent('request.withdrawn', {
  requestId: EventRef,
  reason: Line(500),
});

export const requestEvents = [
  RequestRaised,
  RequestEdited,
  RequestClassified,
  RequestMerged,
  RequestScheduled,
  RequestTallied,
  RequestVoted,
  RequestDecided,
  RequestDecisionUpheld,
  RequestConfirmed,
  RequestAssigned,
  RequestProgressed,
  RequestEscalated,
  RequestAnswered,
  RequestCompleted,
  RequestRated,
  RequestReopened,
  RequestWithdrawn,
] as const;
