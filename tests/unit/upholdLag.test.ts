import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { decisionSteps, upholdReach, upholdSteps } from '../../shared/folds/meetingLoop.ts';
import { committee, request, scheduledRequest } from './support/agendaLog.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';

/**
 * 以这条为准 tapped on a phone holding only one of the two decisions carried onto the request: the
 * request is settled too when it holds the chosen one, so the other arriving later finds it settled.
 */
describe('以这条为准 while the phone holds one of the carried decisions', () => {
  const pub = scheduledRequest();
  const r0 = request(pub).r;
  const carry = (id: string, text: string, outcome: 'approved' | 'rejected', by: string) => {
    const [step] = decisionSteps(r0, 'm-1', { outcome, text, id });
    return {
      id: step?.id,
      type: step?.type,
      at: pub.events.length + 1_000,
      by,
      ...step?.fields,
    } as unknown as AppEvent;
  };
  const a = carry('d1', '同意，东门划20个车位', 'approved', committee);
  const b = carry('d2', '不同意', 'rejected', 'own1');

  it('settles the request on the one it holds, in every merge order with the other', () => {
    const r = request([...pub.events, a]).r;
    const steps = upholdSteps(r, { eventId: 'd1', text: '同意，东门划20个车位' });
    expect(steps).toEqual([{ type: 'request.decision.upheld', fields: { requestId: 'r1', decisionId: 'd1' } }]);
    expect(upholdReach(r, { eventId: 'd1', text: '同意，东门划20个车位' })).toBe('request');
    const upheld = { id: 'u1', type: 'request.decision.upheld', at: 2_000, by: committee, ...steps[0]?.fields };
    for (const { state } of everyMergeOrder(pub.events, [
      { events: [a, upheld as unknown as AppEvent], member: community },
      { events: [b], member: owners },
    ])) {
      const got = state.agenda.requests.r1;
      expect(got?.decision?.eventId).toBe('d1');
      expect(got?.concurrentDecisions.map((d) => d.eventId)).toEqual(['d2']);
      expect(got?.upholdings.map((u) => u.eventId)).toEqual(['u1']);
    }
  });

  it('says the request does not follow when it does not hold the chosen one yet', () => {
    const r = request([...pub.events, a]).r;
    expect(upholdSteps(r, { eventId: 'd2', text: '不同意' })).toEqual([]);
    expect(upholdReach(r, { eventId: 'd2', text: '不同意' })).toBe('not-here');
  });
});
