import type { EventOf } from '../events/index.ts';
import type { requestEvents } from '../events/request.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import {
  answered,
  besideEnd,
  closedByUpholding,
  decideBeside,
  decideOverEnd,
  decisionOf,
  deliberation,
  isFinal,
  merge,
  offerTally,
  take,
  takeClassification,
  touch,
  uphold,
  withdraw,
  withdrawalOf,
} from './agendaConflicts.ts';
import { keepLoopStep } from './agendaRounds.ts';
import type { FoldContext, FoldModule } from './FoldContext.ts';
import type { Assignment, EditChange, RequestState, Stage } from './RequestState.ts';
import { editedFields, undecidedStages } from './RequestState.ts';
import { isNewer, putInOrder } from './stamp.ts';

export type AgendaEvent = EventOf<(typeof requestEvents)[number]['entries']['type']['literal']>;

const key = (id: string) => `req:${id}`;

/** Events that step the request through its stages (a raise creates it; a merge or an upholding settles a conflict). */
type StepEvent = Exclude<AgendaEvent, { type: 'request.raised' | 'request.merged' | 'request.decision.upheld' }>;

const allowed: Record<StepEvent['type'], readonly Stage[]> = {
  'request.edited': undecidedStages,
  'request.classified': ['raised', 'classified', 'scheduled', 'decided', 'assigned', 'completed', 'reopened'],
  'request.scheduled': ['classified', 'scheduled'],
  'request.tallied': ['classified', 'scheduled'],
  'request.voted': ['classified', 'scheduled'],
  'request.decided': ['classified', 'scheduled'],
  'request.confirmed': ['decided', 'assigned', 'completed', 'reopened', 'closed'],
  'request.assigned': ['decided', 'assigned', 'reopened'],
  'request.progressed': ['assigned', 'reopened'],
  'request.escalated': ['raised', 'classified', 'scheduled', 'decided', 'assigned', 'reopened'],
  'request.answered': ['raised', 'classified', 'scheduled', 'decided', 'assigned', 'completed', 'reopened', 'closed'],
  'request.completed': ['assigned', 'reopened'],
  'request.rated': ['completed', 'reopened'],
  'request.reopened': ['completed'],
  'request.withdrawn': undecidedStages,
};

/** Folds `request.*` events into `agenda.requests`. */
export const agendaModule: FoldModule<AgendaEvent> = {
  keys: (e) =>
    e.type === 'request.raised'
      ? [key(e.id)]
      : e.type === 'request.merged'
        ? [key(e.requestId), key(e.intoId)]
        : [key(e.requestId)],
  refs: (e) => (e.type === 'request.scheduled' ? [`mtg:${e.meetingId}`] : []),
  creates: (e) => (e.type === 'request.raised' ? key(e.id) : undefined),
  apply(ctx, e) {
    if (e.type === 'request.raised') return raise(ctx, e);
    const r = ctx.get<RequestState>(key(e.requestId));
    if (!r) return { code: 'no_such', thing: 'request' };
    if (e.type === 'request.merged') return merge(ctx, r, e);
    if (e.type === 'request.decision.upheld') return uphold(r, e);
    if (e.type === 'request.decided' && isFinal(r.decision)) {
      // Decided on another phone at the same time: a conflict to show, wherever the log holds it.
      decideBeside(r, decisionOf(e), r.decision);
      touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
      return undefined;
    }
    if (e.type === 'request.decided' && (r.stage === 'withdrawn' || r.stage === 'merged')) {
      // Decided on a phone that had not seen it withdrawn or merged: a final decision stands over both.
      decideOverEnd(r, decisionOf(e));
      touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
      return undefined;
    }
    if (e.type === 'request.withdrawn' && !undecidedStages.includes(r.stage)) {
      if (e.by !== r.raisedBy) return { code: 'not_raiser' };
      // Withdrawn on a phone that had not seen it decided, merged or withdrawn: kept, not a step.
      withdraw(r, withdrawalOf(e));
      touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
      return undefined;
    }
    if (r.completion && isLoop(e)) {
      // Once completed, the rounds are settled from every step of the work and review, in (at, id) order.
      loopStep(r, e);
      touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
      return undefined;
    }
    const allowedNow =
      allowed[e.type].includes(r.stage) || (closedByUpholding(r) && allowed[e.type].includes('decided'));
    const beside = !allowedNow && besideEnd(r, e);
    if (!beside && !allowedNow) return { code: 'stage', stage: r.stage };
    const why = step(ctx, r, e, !beside);
    if (why) return why;
    touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
    return undefined;
  },
};

function raise(ctx: FoldContext, e: EventOf<'request.raised'>): AnomalyReason | undefined {
  const r: RequestState = {
    id: e.id,
    title: e.title,
    category: e.category,
    detail: e.detail ?? null,
    location: e.location ?? null,
    photos: e.photos ?? [],
    building: e.building ?? null,
    raisedFor: e.raisedFor ?? null,
    ledgerRef: e.ledgerRef ?? null,
    snap: e.snap === true,
    raisedBy: e.by,
    raisedAt: e.at,
    topicFor: e.meetingId ?? null,
    stage: 'raised',
    priority: null,
    meetingId: null,
    tally: null,
    settings: {},
    votes: [],
    decision: null,
    concurrentDecisions: [],
    upholdings: [],
    deferrals: 0,
    confirmations: [],
    assignment: null,
    escalations: [],
    progress: [],
    completion: null,
    concurrentCompletions: [],
    ratings: [],
    averageRating: null,
    reopenCount: 0,
    reopenCause: null,
    reopenReason: null,
    reopenedFrom: null,
    loop: [],
    edits: [],
    mergedInto: null,
    merges: [],
    mergedFrom: [],
    withdrawal: null,
    withdrawnReason: null,
    updatedAt: e.at,
    timeline: [{ eventId: e.id, type: e.type, at: e.at, by: e.by }],
  };
  ctx.put(key(e.id), r);
  return undefined;
}

/** One loop step on a request whose stage allows the event type; it moves the stage unless `moves` is false. */
function step(ctx: FoldContext, r: RequestState, e: StepEvent, moves: boolean): AnomalyReason | undefined {
  const { id: eventId, at, by } = e;
  switch (e.type) {
    case 'request.edited':
      if (e.by !== r.raisedBy) return { code: 'not_raiser' };
      edit(r, e);
      if (e.photos !== undefined && take(r, 'photos', at, eventId)) r.photos = e.photos;
      return undefined;
    case 'request.classified':
      if (takeClassification(r, at, eventId, e.carried === true)) {
        r.category = e.category;
        r.priority = e.priority;
      }
      if (moves && r.stage === 'raised') r.stage = 'classified';
      return undefined;
    case 'request.scheduled':
      if (!ctx.existed(`mtg:${e.meetingId}`)) return { code: 'no_such', thing: 'meeting' };
      if (take(r, 'meeting', at, eventId)) r.meetingId = e.meetingId;
      if (moves) r.stage = deliberation(r);
      return undefined;
    case 'request.tallied':
      offerTally(r, e.tally, at, eventId);
      return undefined;
    case 'request.voted': {
      // A member voting on two phones: the later vote by (at, id) stands wherever the log holds it.
      const held = r.votes.findIndex((x) => x.by === by);
      if (held >= 0 && !isNewer(at, eventId, r.votes[held])) return undefined;
      if (held >= 0) r.votes.splice(held, 1);
      putInOrder(r.votes, { eventId, at, by, choice: e.choice });
      return undefined;
    }
    case 'request.decided': {
      const decision = decisionOf(e);
      if (e.tally) offerTally(r, e.tally, at, eventId);
      if (e.outcome === 'deferred') {
        r.deferrals += 1;
        if (isNewer(at, eventId, r.decision)) r.decision = decision;
        r.stage = deliberation(r);
      } else {
        r.decision = decision;
        r.stage = e.outcome === 'approved' ? 'decided' : 'closed';
      }
      return undefined;
    }
    case 'request.confirmed': {
      // A resident confirming on two phones: the earlier by (at, id) counts wherever the log holds them.
      const held = e.onPaper ? -1 : r.confirmations.findIndex((c) => c.by === by && !c.onPaper);
      const standing = r.confirmations[held];
      if (standing && isNewer(at, eventId, standing)) return undefined;
      if (standing) r.confirmations.splice(held, 1);
      putInOrder(r.confirmations, { eventId, at, by, onPaper: e.onPaper ?? null });
      return undefined;
    }
    case 'request.assigned':
      loopStep(r, e);
      r.stage = 'assigned';
      return undefined;
    case 'request.progressed':
    case 'request.escalated':
    case 'request.completed':
    case 'request.rated':
    case 'request.reopened':
      // Before the first completion: a rating or a reopening has failed its stage above.
      loopStep(r, e);
      return undefined;
    case 'request.answered': {
      const i = r.escalations.findIndex((x) => x.eventId === e.escalationId);
      const escalation = r.escalations[i];
      if (!escalation) return { code: 'no_such', thing: 'escalation' };
      r.escalations[i] = answered(escalation, { eventId, at, by, text: e.answer });
      return undefined;
    }
    case 'request.withdrawn':
      if (e.by !== r.raisedBy) return { code: 'not_raiser' };
      r.stage = 'withdrawn';
      r.withdrawal = withdrawalOf(e);
      r.withdrawnReason = e.reason;
      return undefined;
    default:
      return exhaustive(e);
  }
}

type LoopEvent = EventOf<
  | 'request.completed'
  | 'request.rated'
  | 'request.reopened'
  | 'request.assigned'
  | 'request.progressed'
  | 'request.escalated'
>;

const isLoop = (e: AgendaEvent): e is LoopEvent =>
  e.type === 'request.completed' ||
  e.type === 'request.rated' ||
  e.type === 'request.reopened' ||
  e.type === 'request.assigned' ||
  e.type === 'request.progressed' ||
  e.type === 'request.escalated';

function assignmentOf(e: EventOf<'request.assigned'>): Assignment {
  const { id: eventId, at, by } = e;
  return { eventId, at, by, owner: e.owner, deadline: e.deadline, note: e.note ?? null, source: 'agenda' };
}

/**
 * A step of the work or its review, kept in the request's `loop`: once the request is completed, its
 * rounds (completion, ratings, reopening) and stage are replayed from the loop in (at, id) order, so
 * work written on a phone that had not seen the request completed, reopened or rated again folds
 * alike wherever the log holds it (the relay refuses work whose author held the completion and no
 * reopening, `agendaRefusal.ts`). The later assignment by (at, id) is the owner, as a reassignment
 * is; progress notes and escalations list in (at, id) order.
 */
function loopStep(r: RequestState, e: LoopEvent): void {
  const { id: eventId, at, by } = e;
  switch (e.type) {
    case 'request.completed':
      keepLoopStep(r, {
        eventId,
        at,
        kind: 'completed',
        completion: { eventId, at, by, result: e.result, photos: e.photos ?? [] },
      });
      return;
    case 'request.rated': {
      const rating = { eventId, at, by, stars: e.stars, solved: e.solved ?? null, comment: e.comment ?? null };
      keepLoopStep(r, { eventId, at, kind: 'rated', rating });
      return;
    }
    case 'request.reopened':
      keepLoopStep(r, { eventId, at, kind: 'reopened', reason: e.reason });
      return;
    case 'request.assigned':
      if (isNewer(at, eventId, r.assignment)) r.assignment = assignmentOf(e);
      keepLoopStep(r, { eventId, at, kind: 'assigned' });
      return;
    case 'request.progressed':
      putInOrder(r.progress, { eventId, at, by, note: e.note, photos: e.photos ?? [] });
      keepLoopStep(r, { eventId, at, kind: 'worked' });
      return;
    case 'request.escalated':
      putInOrder(r.escalations, {
        eventId,
        at,
        by,
        to: e.to,
        department: e.department ?? null,
        note: e.note ?? null,
        answer: null,
        concurrentAnswers: [],
      });
      keepLoopStep(r, { eventId, at, kind: 'worked' });
      return;
    default:
      exhaustive(e);
  }
}

type EditedField = (typeof editedFields)[number];
type Words = Record<EditedField, string | null>;

/**
 * Puts the raiser's edit among the others in (at, id) order, then replays them all from the words
 * as raised: each field ends with the latest edit of it by (at, id), and each edit's `before` is what
 * the edits stamped before it left, so the raiser editing on two phones offline reads alike
 * wherever the log holds the two.
 */
function edit(r: RequestState, e: EventOf<'request.edited'>): void {
  const words = {} as Words;
  for (const field of editedFields) words[field] = asRaised(r, field);
  const set: Partial<Record<EditedField, string>> = {};
  for (const field of editedFields) if (e[field] !== undefined) set[field] = e[field];
  putInOrder(r.edits, { eventId: e.id, at: e.at, by: e.by, changes: [], photos: e.photos !== undefined, set });
  r.edits = r.edits.map((x) => {
    const changes: EditChange[] = [];
    for (const field of editedFields) {
      const after = x.set[field];
      if (after === undefined) continue;
      if (after !== words[field]) changes.push({ field, before: words[field], after });
      words[field] = after;
    }
    return { ...x, changes };
  });
  for (const field of editedFields) r[field] = words[field] as string;
}

/** A field's words as raised: before its first edit by (at, id), or as they stand if never edited. */
function asRaised(r: RequestState, field: EditedField): string | null {
  for (const x of r.edits) {
    const after = x.set[field];
    if (after === undefined) continue;
    const change = x.changes.find((c) => c.field === field);
    // An edit that changed nothing set the words they already were.
    return change ? change.before : after;
  }
  return r[field];
}
