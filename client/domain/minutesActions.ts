import type { Tally } from '../../shared/events/envelope.ts';
import type { EventFields, EventType } from '../../shared/events/index.ts';
import type { AssemblyTally } from '../../shared/events/meeting.ts';
import type { Owner } from '../../shared/events/request.ts';
import type { ActionItem } from '../../shared/folds/foldMinutes.ts';
import type { Party } from '../../shared/roles.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import type { DocHandle } from '../sync/DocHandle.ts';
import { newId } from '../sync/ids.ts';
import type { CompoundSession } from './session.ts';

/** What the committee writes into a meeting's minutes; each works offline and throws RuleError first. */
export interface MinutesActions {
  takeUp(requestId: string, note?: string): void;
  /** Returns the decision's event id. */
  recordDecision(input: { text: string; tally?: Tally; assembly?: AssemblyTally; requestId?: string }): string;
  /** 以这条为准: of the decisions on one request, this one stands. */
  uphold(decisionId: string): void;
  createAction(input: { text: string; owner: Owner; deadline: string; requestId?: string }): void;
  /** Marks an action item done (its owner or the committee; also after the lock). */
  markDone(item: ActionItem): void;
  /** Signs for the member's own party. */
  signOff(party: Party): void;
  /** A correction after the lock, shown beside the minutes with who and when. */
  amend(note: string): void;
}

export function makeMinutesActions(session: CompoundSession, handle: DocHandle): MinutesActions {
  const append = <T extends EventType>(type: T, fields: EventFields<T>): string => {
    const member = session.member;
    const event = checkEvent(
      { id: newId(), type, at: handle.stamp(), by: member.memberId, ...fields },
      member,
      'minutes',
    );
    handle.append([event]);
    return event.id;
  };
  return {
    takeUp: (requestId, note) => {
      append('minutes.item.taken-up', { requestId, ...(note?.trim() ? { note } : {}) });
    },
    recordDecision: ({ text, tally, assembly, requestId }) =>
      append('minutes.decision.recorded', {
        text: text.trim(),
        ...(tally ? { tally } : {}),
        ...(assembly ? { assembly } : {}),
        ...(requestId ? { requestId } : {}),
      }),
    uphold: (decisionId) => {
      append('minutes.decision.upheld', { decisionId });
    },
    createAction: ({ text, owner, deadline, requestId }) => {
      append('minutes.action.created', { text: text.trim(), owner, deadline, ...(requestId ? { requestId } : {}) });
    },
    markDone: (item) => {
      append('minutes.action.done', { actionId: item.eventId, owner: item.owner });
    },
    signOff: (party) => {
      append('minutes.signed-off', { party });
    },
    amend: (note) => {
      append('minutes.amended', { note: note.trim() });
    },
  };
}
