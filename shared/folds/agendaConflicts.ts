/**
 * The agenda's concurrent conflicts: which of two decisions, merges, withdrawals, answers or settings
 * written offline at once stands, and which steps are kept beside a decision or an end they missed.
 * Every one is settled by (at, id) or by a rule on the events, never by where Yjs put them.
 */
import type { Tally } from '../events/envelope.ts';
import type { EventOf } from '../events/index.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { AgendaEvent } from './agenda.ts';
import type { FoldContext } from './FoldContext.ts';
import type {
  Answer,
  Decision,
  Escalation,
  Merge,
  RequestSetting,
  RequestState,
  Stage,
  TimelineEntry,
  Withdrawal,
} from './RequestState.ts';
import { endStages } from './RequestState.ts';
import { isNewer, putInOrder } from './stamp.ts';

const key = (id: string) => `req:${id}`;

/**
 * Every merge of a request is kept (`merges`); the earliest by (at, id) stands over a withdrawal,
 * and a final decision stands over any merge. The target lists the duplicate whether or not its merge
 * stands, by when the duplicate was raised: a decision or another merge of the duplicate cannot take
 * it back from a request it does not step. A target that ended on a phone that had not seen the
 * merge takes it all the same; the relay refuses a merge whose author saw the duplicate decided,
 * withdrawn or merged, or the target ended.
 */
export function merge(ctx: FoldContext, dup: RequestState, e: EventOf<'request.merged'>): AnomalyReason | undefined {
  const into = ctx.get<RequestState>(key(e.intoId));
  if (!into) return { code: 'no_such', thing: 'request' };
  const entry = { eventId: e.id, type: e.type, at: e.at, by: e.by };
  putInOrder(dup.merges, { eventId: e.id, at: e.at, by: e.by, intoId: into.id });
  if (!isFinal(dup.decision)) {
    dup.stage = 'merged';
    dup.mergedInto = (dup.merges[0] as Merge).intoId;
    dup.withdrawnReason = null;
  }
  touch(dup, entry);
  if (!into.mergedFrom.includes(dup.id)) {
    let i = into.mergedFrom.length;
    while (i > 0 && raisedAfter(ctx, into.mergedFrom[i - 1] as string, dup)) i--;
    into.mergedFrom.splice(i, 0, dup.id);
  }
  touch(into, entry);
  return undefined;
}

/** True if the request `id` was raised after `r`, by (raisedAt, id). */
function raisedAfter(ctx: FoldContext, id: string, r: RequestState): boolean {
  const other = ctx.peek<RequestState>(key(id));
  const at = other?.raisedAt ?? 0;
  return at > r.raisedAt || (at === r.raisedAt && id > r.id);
}

export function withdrawalOf(e: EventOf<'request.withdrawn'>): Withdrawal {
  return { eventId: e.id, at: e.at, by: e.by, reason: e.reason };
}

/**
 * The raiser's withdrawal: the earliest by (at, id) is kept (the raiser withdrawing on two phones).
 * It ends the request unless a final decision or a merge stands; beside one, it is shown.
 */
export function withdraw(r: RequestState, w: Withdrawal): void {
  if (r.withdrawal && !isNewer(r.withdrawal.at, r.withdrawal.eventId, w)) return;
  r.withdrawal = w;
  if (r.stage === 'withdrawn') r.withdrawnReason = w.reason;
}

/**
 * A decision made on a phone that had not seen the request withdrawn or merged. A deferral counts
 * and leaves it ended; a final decision stands over both, which are kept (`withdrawal`, `merges`):
 * steps taken on the decision then fold alike wherever the log holds the withdrawal or the merge.
 */
export function decideOverEnd(r: RequestState, decision: Decision): void {
  if (decision.tally) offerTally(r, decision.tally, decision.at, decision.eventId);
  if (decision.outcome === 'deferred') {
    r.deferrals += 1;
    if (isNewer(decision.at, decision.eventId, r.decision)) r.decision = decision;
    return;
  }
  r.decision = decision;
  r.stage = decision.outcome === 'approved' ? 'decided' : 'closed';
  r.mergedInto = null;
  r.withdrawnReason = null;
}

/**
 * Puts a step in the request's timeline in (at, id) order and keeps the latest time it was
 * touched: two phones' steps written offline at once read the same wherever the log holds them.
 */
export function touch(r: RequestState, entry: TimelineEntry): void {
  r.updatedAt = Math.max(r.updatedAt, entry.at);
  putInOrder(r.timeline, entry);
}

/**
 * Steps a phone may write on a request it had not seen decided or ended (an edit, a classification,
 * a scheduling, a count or a vote while it was deliberated; an escalation or an answer while it was
 * open): landing after the decision, the rejection, the withdrawal or the merge, each is kept
 * without moving the stage, as it would have been had it landed before. The relay refuses one whose
 * author held what decided or ended the request (`agendaRefusal.ts`).
 */
const keptBesideEnd: ReadonlySet<AgendaEvent['type']> = new Set<AgendaEvent['type']>([
  'request.edited',
  'request.classified',
  'request.scheduled',
  'request.tallied',
  'request.voted',
  'request.escalated',
  'request.answered',
]);

/** True if the event is a step `keptBesideEnd` and the request it missed was decided or ended. */
export function besideEnd(r: RequestState, e: AgendaEvent): boolean {
  return keptBesideEnd.has(e.type) && (endStages.includes(r.stage) || isFinal(r.decision));
}

export const isFinal = (d: Decision | null): d is Decision => d !== null && d.outcome !== 'deferred';

export function decisionOf(e: EventOf<'request.decided'>): Decision {
  return { eventId: e.id, at: e.at, by: e.by, outcome: e.outcome, note: e.note, tally: e.tally ?? null };
}

/**
 * A decision made on a phone that had not seen the final decision `standing`: none is ignored. A
 * deferral counts among the deferrals. Of two final decisions an approval stands over a rejection,
 * else the earlier by (at, id); the other is kept in `concurrentDecisions`. An approval wins because
 * a rejection allows no step an approval does not (a confirmation, an answer): a rejection standing
 * would strand an assignment made on the approval, and which of the two the log held first would
 * decide whether it counts.
 */
export function decideBeside(r: RequestState, decision: Decision, standing: Decision): void {
  if (decision.tally) offerTally(r, decision.tally, decision.at, decision.eventId);
  if (decision.outcome === 'deferred') {
    r.deferrals += 1;
    return;
  }
  const wins =
    decision.outcome === standing.outcome
      ? isNewer(standing.at, standing.eventId, decision)
      : decision.outcome === 'approved';
  const [stands, beside] = wins ? [decision, standing] : [standing, decision];
  r.decision = stands;
  putInOrder(r.concurrentDecisions, beside);
  if (stands.outcome === 'approved' && r.stage === 'closed') r.stage = 'decided';
  settle(r);
}

/**
 * 以这条为准 on one of the request's final decisions: kept in (at, id) order, the earliest naming the
 * decision that stands (`settle`). One naming no final decision of the request is ignored: its
 * author's copy held the decision it names; so is one stamped before the decision it names (back-dated).
 */
export function uphold(r: RequestState, e: EventOf<'request.decision.upheld'>): AnomalyReason | undefined {
  const finals = isFinal(r.decision) ? [r.decision, ...r.concurrentDecisions] : [];
  const named = finals.find((d) => d.eventId === e.decisionId);
  if (!named) return { code: 'no_such', thing: 'target' };
  if (e.at < named.at || (e.at === named.at && e.id < named.eventId)) return { code: 'before_target' };
  putInOrder(r.upholdings, { eventId: e.id, at: e.at, by: e.by, decisionId: e.decisionId });
  settle(r);
  touch(r, { eventId: e.id, type: e.type, at: e.at, by: e.by });
  return undefined;
}

/**
 * The decision the earliest upholding names stands over the others, whatever the rule between them;
 * while nothing has been done on the request since (it is decided or closed) its stage follows that
 * decision. Work written on a superseded approval by a phone that had not seen the upholding still
 * counts (`closedByUpholding`): in either order it leaves the request where the work took it.
 */
function settle(r: RequestState): void {
  const upheld = r.upholdings[0];
  if (!upheld || !r.decision || r.decision.eventId === upheld.decisionId) return;
  const all = [r.decision, ...r.concurrentDecisions];
  const stands = all.find((d) => d.eventId === upheld.decisionId);
  if (!stands) return;
  r.decision = stands;
  r.concurrentDecisions = [];
  for (const d of all) if (d !== stands) putInOrder(r.concurrentDecisions, d);
  if (r.stage === 'decided' || r.stage === 'closed') r.stage = stands.outcome === 'approved' ? 'decided' : 'closed';
}

/** True if the request is closed by a rejection upheld over an approval (steps taken on the approval still count). */
export function closedByUpholding(r: RequestState): boolean {
  return r.stage === 'closed' && r.upholdings.length > 0 && r.concurrentDecisions.some((d) => d.outcome === 'approved');
}

/**
 * The escalation with an answer: the earlier by (at, id) stands and a later one, written on a phone
 * that had not seen it, is kept in `concurrentAnswers` (the relay refuses one whose author saw it).
 */
export function answered(x: Escalation, answer: Answer): Escalation {
  if (!x.answer) return { ...x, answer };
  const [stands, beside] = isNewer(answer.at, answer.eventId, x.answer) ? [x.answer, answer] : [answer, x.answer];
  const concurrentAnswers = x.concurrentAnswers.slice();
  putInOrder(concurrentAnswers, beside);
  return { ...x, answer: stands, concurrentAnswers };
}

/** Keeps the show of hands written latest by (at, id), as a tally or in a decision. */
export function offerTally(r: RequestState, tally: Tally, at: number, eventId: string): void {
  if (take(r, 'tally', at, eventId)) r.tally = tally;
}

/** True, noting the event as the setting's, if it was written after the one the setting holds. */
export function take(r: RequestState, setting: RequestSetting, at: number, eventId: string): boolean {
  if (!isNewer(at, eventId, r.settings[setting])) return false;
  r.settings[setting] = { at, eventId };
  return true;
}

/**
 * True, noting the classification as the request's, if it stands over the one held: a member's own
 * classification over one a meeting's decision carried (`carried`), else the later by (at, id). Two
 * phones classifying offline at once (one of them by deciding at the meeting) end alike in any order.
 */
export function takeClassification(r: RequestState, at: number, eventId: string, carried: boolean): boolean {
  const held = r.settings.classification;
  if (held && !held.carried && carried) return false;
  if (!(held?.carried && !carried) && !isNewer(at, eventId, held)) return false;
  r.settings.classification = carried ? { at, eventId, carried: true } : { at, eventId };
  return true;
}

/**
 * Where an undecided request that was scheduled or deferred stands: scheduled if its latest
 * scheduling by (at, id) came after its latest deferral, else back in deliberation (classified).
 * A deferral and a scheduling written at once then give one stage wherever the log holds them.
 */
export function deliberation(r: RequestState): Stage {
  const meeting = r.settings.meeting;
  if (!meeting) return 'classified';
  return r.decision && isNewer(r.decision.at, r.decision.eventId, meeting) ? 'classified' : 'scheduled';
}
