import type { Tally } from '../events/envelope.ts';
import type { EventFields } from '../events/index.ts';
import type { Outcome, Owner } from '../events/request.ts';
import { isFinal } from './agendaConflicts.ts';
import type { RequestState, Stage } from './RequestState.ts';

/** The request events a meeting's minutes carry into the public document. */
type Carried =
  | 'request.classified'
  | 'request.scheduled'
  | 'request.decided'
  | 'request.assigned'
  | 'request.decision.upheld';
/** An event to write on the request; `id` when it must be that (a decision takes its minutes entry's id). */
export type CarriedStep = { [T in Carried]: { type: T; fields: EventFields<T>; id?: string } }[Carried];

/** Stages in which a meeting may still decide a request: before any decision (a deferral leaves it here). */
const decidable: readonly Stage[] = ['raised', 'classified', 'scheduled'];
/** Stages in which an action item may still become the request's assignment (as `request.assigned` allows). */
const assignable: readonly Stage[] = ['decided', 'assigned', 'reopened'];

/** True when a decision recorded in the minutes about this request also decides the request itself. */
export function decidesRequest(request: RequestState | undefined): request is RequestState {
  return request !== undefined && decidable.includes(request.stage);
}

/** True when an action item about this request also becomes its assignment. */
export function assignsRequest(request: RequestState | undefined): request is RequestState {
  return request !== undefined && assignable.includes(request.stage);
}

/**
 * What a decision recorded at meeting `meetingId` about `request` appends to the public document, in
 * order: its classification when it is still only raised (its own category, normal priority: the
 * meeting took it up, so it was sorted; marked `carried`, so a member's own classification written
 * meanwhile on another phone stands over it), its scheduling onto this meeting when it is not yet a topic
 * of it (so the request's page reads this meeting's minutes), and the decision with the minutes'
 * words and tally, under the id of the minutes' decision (`decision.id`): 以这条为准 on the one in the
 * minutes then names the same decision on the request. Nothing when the request is decided already or ended: the minutes' decision then
 * stays in the minutes, and the request's page shows it under 会上.
 */
export function decisionSteps(
  request: RequestState | undefined,
  meetingId: string,
  decision: { outcome: Outcome; text: string; tally?: Tally; id?: string },
): CarriedStep[] {
  if (!decidesRequest(request)) return [];
  const requestId = request.id;
  const steps: CarriedStep[] = [];
  if (request.stage === 'raised') {
    steps.push({
      type: 'request.classified',
      fields: { requestId, category: request.category, priority: request.priority ?? 'normal', carried: true },
    });
  }
  // Onto this meeting only when no meeting holds it yet: one already scheduled for another (the next,
  // say) stays on that meeting's topics, and a deferral here must not take it off them.
  if (!request.meetingId && request.topicFor !== meetingId) {
    steps.push({ type: 'request.scheduled', fields: { requestId, meetingId } });
  }
  steps.push({
    type: 'request.decided',
    ...(decision.id ? { id: decision.id } : {}),
    fields: {
      requestId,
      outcome: decision.outcome,
      note: decision.text.trim(),
      ...(decision.tally ? { tally: decision.tally } : {}),
    },
  });
  return steps;
}

/**
 * What an action item about `request` appends to the public document: the request's assignment
 * (owner, deadline, the item's words as its note) once the request is approved, being worked on or
 * reopened. Nothing before a decision or after completion: the item stays in the minutes and shows
 * under 会上 on the request's page.
 */
export function actionSteps(
  request: RequestState | undefined,
  item: { text: string; owner: Owner; deadline: string },
): CarriedStep[] {
  if (!assignsRequest(request)) return [];
  return [
    {
      type: 'request.assigned',
      fields: { requestId: request.id, owner: item.owner, deadline: item.deadline, note: item.text.trim() },
    },
  ];
}

/**
 * What 以这条为准 on a minutes decision writes on the request it is about: the same upholding, naming
 * the request's final decision carried from it (by id; one carried before decisions took their minutes
 * entry's id, by its words when only one has them), while none is upheld yet — also while it holds
 * that decision alone: another carried on another phone may arrive later, and is then settled. Nothing
 * when the request holds no final decision from the entry (kept in the minutes only, a deferral, or
 * not on this phone yet), or when the decision would reject work already assigned (`rejectsWork`).
 */
export function upholdSteps(
  request: RequestState | undefined,
  decision: { eventId: string; text: string },
): CarriedStep[] {
  if (!request || request.upholdings.length > 0) return [];
  const carried = carriedFinal(request, decision);
  if (!carried || rejectsWork(request, carried)) return [];
  return [{ type: 'request.decision.upheld', fields: { requestId: request.id, decisionId: carried.eventId } }];
}

/** The request's final decision carried from a minutes entry: by id, or by its words when only one has them. */
function carriedFinal(request: RequestState, decision: { eventId: string; text: string }) {
  if (!isFinal(request.decision)) return undefined;
  const finals = [request.decision, ...request.concurrentDecisions];
  const byWords = finals.filter((d) => d.note === decision.text.trim());
  return finals.find((d) => d.eventId === decision.eventId) ?? (byWords.length === 1 ? byWords[0] : undefined);
}

/**
 * What 以这条为准 on a minutes decision does beyond the minutes, for the question before it: settles
 * the request's own decisions too ('request'), leaves the request settled on another of its decisions
 * ('minutes-only'), leaves the request as it is because it holds no final decision from this entry
 * ('not-here': kept in the minutes only, or not on this phone yet), leaves the request's own decision because this one would reject work already
 * assigned or completed ('assigned'), or nothing to say ('none').
 */
export type UpholdReach = 'request' | 'minutes-only' | 'not-here' | 'assigned' | 'none';

/**
 * True if upholding `decision` would reject a request whose work was already assigned or completed:
 * the request keeps its own decision then (the relay refuses such an upholding whose author's copy
 * held the work, `agendaRefusal`).
 */
export function rejectsWork(request: RequestState, decision: { outcome: string }): boolean {
  return decision.outcome === 'rejected' && (request.assignment !== null || request.completion !== null);
}

export function upholdReach(
  request: RequestState | undefined,
  decision: { eventId: string; text: string },
): UpholdReach {
  if (upholdSteps(request, decision).length > 0) return 'request';
  if (!request) return 'none';
  const carried = carriedFinal(request, decision);
  if (!carried) return 'not-here';
  if (request.upholdings.length === 0 && rejectsWork(request, carried)) return 'assigned';
  return carried === request.decision ? 'none' : 'minutes-only';
}
