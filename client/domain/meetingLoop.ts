import { RejectReason, RuleError } from '../../shared/errors.ts';
import type { Tally } from '../../shared/events/envelope.ts';
import type { AssemblyTally } from '../../shared/events/meeting.ts';
import type { Outcome, Owner } from '../../shared/events/request.ts';
import type { MinutesState } from '../../shared/folds/foldMinutes.ts';
import {
  actionSteps,
  assignsRequest,
  type CarriedStep,
  decidesRequest,
  decisionSteps,
  type UpholdReach,
  upholdReach,
  upholdSteps,
} from '../../shared/folds/meetingLoop.ts';
import type { RequestState } from '../../shared/folds/RequestState.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { newId } from '../sync/ids.ts';
import type { MinutesActions } from './minutesActions.ts';

/** A decision as the minutes' form gives it: with an outcome when it decides the request it is about. */
export interface MeetingDecision {
  text: string;
  tally?: Tally;
  assembly?: AssemblyTally;
  requestId?: string;
  outcome?: Outcome;
}

/** What the minutes' forms write: into the minutes, and carried on to the request they are about. */
export interface MeetingLoop {
  /** Returns the decision's event id (the request's own decision carried from it takes the same). */
  recordDecision(input: MeetingDecision): string;
  createAction(input: { text: string; owner: Owner; deadline: string; requestId?: string }): void;
  /**
   * Whether a decision about this request also decides the request (the form then asks its outcome):
   * read from the same copy of the request that `recordDecision` writes from.
   */
  decides(requestId: string | undefined): boolean;
  /**
   * Whether an action item about this request becomes its assignment, else it stays in the minutes
   * only (the form says so): read from the same copy of the request that `createAction` writes from.
   */
  assigns(requestId: string | undefined): boolean;
  /**
   * 以这条为准: this decision stands over the others the minutes hold on its request, and over the
   * request's own concurrent decisions when it carried one of them (`upholdSteps`).
   */
  uphold(decision: MinutesState['decisions'][number]): void;
  /** What 以这条为准 on this decision does beyond the minutes (`upholdReach`): asked before it is written. */
  upholdReach(decision: MinutesState['decisions'][number]): UpholdReach;
}

/** Thrown before anything is written when this phone's copy of the minutes is already signed and locked. */
export const lockedRefusal = () =>
  new RuleError({ reason: RejectReason.CausalRule, anomaly: { code: 'minutes_locked' } }, 'the minutes are locked');

/**
 * The minutes' decision and action-item writes, each followed by the request's own events in the
 * public document where its stage allows (see `decisionSteps`, `actionSteps`): the minutes first, so
 * a refusal there writes nothing; each carried event stamped after the one before it. Minutes this
 * phone holds locked take nothing, and so the request takes nothing either: the relay would refuse
 * the minutes' entry and keep the request's.
 */
export function makeMeetingLoop(
  session: CompoundSession,
  minutes: Pick<MinutesActions, 'recordDecision' | 'createAction' | 'uphold'>,
  meetingId: string,
  requests: () => Readonly<Record<string, RequestState>>,
  locked: () => boolean,
): MeetingLoop {
  const carry = (steps: CarriedStep[]) => {
    for (const step of steps) {
      const doc = session.doc('public');
      const event = checkEvent(
        { id: step.id ?? newId(), type: step.type, at: doc.stamp(), by: session.member.memberId, ...step.fields },
        session.member,
        'public',
      );
      doc.append([event]);
    }
  };
  const requestOf = (id: string | undefined) => (id ? requests()[id] : undefined);
  return {
    recordDecision: ({ outcome, ...input }) => {
      if (locked()) throw lockedRefusal();
      const id = minutes.recordDecision(input);
      if (outcome) carry(decisionSteps(requestOf(input.requestId), meetingId, { outcome, ...input, id }));
      return id;
    },
    createAction: (input) => {
      if (locked()) throw lockedRefusal();
      minutes.createAction(input);
      carry(actionSteps(requestOf(input.requestId), input));
    },
    decides: (id) => decidesRequest(requestOf(id)),
    assigns: (id) => assignsRequest(requestOf(id)),
    uphold: (decision) => {
      if (locked()) throw lockedRefusal();
      minutes.uphold(decision.eventId);
      carry(upholdSteps(requestOf(decision.requestId ?? undefined), decision));
    },
    upholdReach: (decision) => upholdReach(requestOf(decision.requestId ?? undefined), decision),
  };
}
