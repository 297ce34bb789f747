import type { MemberParty, Party } from '../roles.ts';
import { type ActionItem, countsAsSettling, type MinutesState } from './foldMinutes.ts';
import type { RequestState } from './RequestState.ts';

/** An action item still to do, with the meeting whose minutes hold it. */
export interface ActionTodo {
  meetingId: string;
  item: ActionItem;
}

/** Once its request reaches one of these, an action item about it is no longer anyone's turn. */
const finished = new Set<RequestState['stage']>(['completed', 'closed', 'withdrawn', 'merged']);

/**
 * Action items nobody has marked done and whose linked request (if any) is not completed or ended,
 * earliest deadline first. Items of cancelled or other meetings the caller leaves out are not seen.
 */
export function openActionItems(
  minutes: readonly { meetingId: string; state: MinutesState }[],
  requests: Readonly<Record<string, RequestState>>,
): ActionTodo[] {
  const open: ActionTodo[] = [];
  for (const { meetingId, state } of minutes) {
    for (const item of state.actionItems) {
      if (Object.hasOwn(state.actionsDone, item.eventId)) continue;
      const request = item.requestId === null ? undefined : requests[item.requestId];
      if (request && finished.has(request.stage)) continue;
      open.push({ meetingId, item });
    }
  }
  return open.sort((a, b) => a.item.deadline.localeCompare(b.item.deadline) || a.item.at - b.item.at);
}

/** True if the action item is this member's to do: named to them, or to the party they sit for. */
export function ownsAction(item: ActionItem, viewer: { memberId: string; party: MemberParty }): boolean {
  const o = item.owner;
  return 'memberId' in o ? o.memberId === viewer.memberId : o.party === viewer.party;
}

/**
 * The party an action item waits on: the party that owns it, or the one its owner sits for (none for
 * a resident named as owner, or a member unknown to this phone).
 */
export function actionParty(
  item: ActionItem,
  partyOf: (memberId: string) => MemberParty | undefined,
): Party | undefined {
  const party = 'party' in item.owner ? item.owner.party : partyOf(item.owner.memberId);
  return party === 'none' ? undefined : party;
}

/**
 * Open action items tied to no request that wait on `party`: 等谁办 lists them beside the requests
 * (an item about a request waits there through its request's assignment).
 */
export function unlinkedActionsOn<T extends ActionTodo>(
  todos: readonly T[],
  party: Party,
  partyOf: (memberId: string) => MemberParty | undefined,
): T[] {
  return todos.filter((x) => x.item.requestId === null && actionParty(x.item, partyOf) === party);
}

/** Something the minutes hold twice that people should settle before signing (two phones offline). */
export type MinutesConflict = { kind: 'decisions'; requestId: string; n: number };

/**
 * The open conflicts of the minutes, in the order of the request's first decision: two or more
 * decisions recorded on one request. Signing stays possible; the sign-off dialog names them.
 */
export function minutesConflicts(state: MinutesState): MinutesConflict[] {
  const out: MinutesConflict[] = [];
  for (const [requestId, n] of decisionCounts(state)) if (n > 1) out.push({ kind: 'decisions', requestId, n });
  return out;
}

/**
 * How many decisions each request has, those superseded (以这条为准 on another) left out: more than
 * one is a conflict two offline phones, or two entries at the meeting, made.
 */
export function decisionCounts(state: MinutesState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of state.decisions)
    if (d.requestId && !d.supersededBy) counts.set(d.requestId, (counts.get(d.requestId) ?? 0) + 1);
  return counts;
}

/**
 * 以这条为准 on a request written at once, naming another decision than the one that counts
 * (`countsAsSettling`): shown beside it. Empty when the request was settled once.
 */
export function otherUpholdings(state: MinutesState, requestId: string): MinutesState['upholdings'] {
  const on = state.upholdings.filter((u) => u.requestId === requestId);
  const counted = on.filter((u) => countsAsSettling(state, u));
  return on.filter((u) => !counted.includes(u) && !counted.some((c) => c.decisionId === u.decisionId));
}
