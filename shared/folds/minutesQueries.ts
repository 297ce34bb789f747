import type { MemberParty } from '../roles.ts';
import type { ActionItem, MinutesState } from './foldMinutes.ts';
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
