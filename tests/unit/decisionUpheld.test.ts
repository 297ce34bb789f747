import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes } from '../../shared/folds/index.ts';
import { decisionSteps, upholdSteps } from '../../shared/folds/meetingLoop.ts';
import { minutesConflicts, otherUpholdings } from '../../shared/folds/minutesQueries.ts';
import { minutesHash } from '../../shared/minutesHash.ts';
import { committee, request, scheduledRequest } from './support/agendaLog.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners, property, resident } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { TestLog } from './support/TestLog.ts';

/**
 * 以这条为准: the chair settles which of two decisions recorded on one request stands. The minutes
 * and the request then show one decision and the other superseded, in every merge order; two
 * settlements written at once keep the earlier and show the other; one whose author saw the request
 * settled is refused by the relay.
 */

/** Minutes with two parties present and two decisions on r1, written on two phones offline at once. */
function twoDecisions() {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } }, 's1');
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'own1', party: 'owners' } }, 's2');
  const twenty = log.add('minutes.decision.recorded', 'comm1', { text: '东门划20个车位', requestId: 'r1' }, 'd1');
  const eighteen = log.add('minutes.decision.recorded', 'own1', { text: '东门划18个车位', requestId: 'r1' }, 'd2');
  return { log, twenty, eighteen };
}

/** The minutes as the relay folds them after the writes, asserted the same (and hashed alike) in every merge order. */
function minutesInEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
  const folds = everyMergeOrder(base, writes, 'minutes').map(({ events }) => {
    const state = foldMinutes(events);
    return { state: { ...state, anomalies: [] }, anomalies: state.anomalies, hash: minutesHash('m1', state, '') };
  });
  for (const f of folds.slice(1)) {
    expect(f.state).toEqual(folds[0]!.state);
    expect(f.hash).toBe(folds[0]!.hash);
  }
  expect(folds[0]!.anomalies).toEqual([]);
  return folds[0]!.state;
}

describe('以这条为准 in the minutes', () => {
  it('the other decision on the request is superseded and the sign-off names no conflict, in every merge order', () => {
    const { log, twenty, eighteen } = twoDecisions();
    expect(minutesConflicts(foldMinutes(log.events))).toEqual([{ kind: 'decisions', requestId: 'r1', n: 2 }]);
    const base = [...log.events];
    const upheld = log.add('minutes.decision.upheld', 'comm1', { decisionId: eighteen.id });
    // Written beside a sign-in from another phone: the upholding counts wherever Yjs puts it.
    const signIn = log.add('minutes.signed-in', 'prop1', { attendee: { memberId: 'prop1', party: 'property' } });
    const state = minutesInEveryOrder(base, [
      { events: [upheld], member: community },
      { events: [signIn], member: property },
    ]);
    expect(state.decisions.map((d) => [d.eventId, d.supersededBy])).toEqual([
      [twenty.id, upheld.id],
      [eighteen.id, undefined],
    ]);
    expect(minutesConflicts(state)).toEqual([]);
    expect(otherUpholdings(state, 'r1')).toEqual([]);
  });

  it('two chairs settling at once on different decisions: the earlier by (at, id) stands, the other is kept and shown', () => {
    const { log, twenty, eighteen } = twoDecisions();
    const base = [...log.events];
    const first = log.add('minutes.decision.upheld', 'comm1', { decisionId: twenty.id });
    const second = log.add('minutes.decision.upheld', 'own1', { decisionId: eighteen.id });
    const state = minutesInEveryOrder(base, [
      { events: [first], member: community },
      { events: [second], member: owners },
    ]);
    expect(state.decisions.find((d) => d.eventId === eighteen.id)?.supersededBy).toBe(first.id);
    expect(state.decisions.find((d) => d.eventId === twenty.id)?.supersededBy).toBeUndefined();
    expect(otherUpholdings(state, 'r1').map((u) => u.eventId)).toEqual([second.id]);
  });

  it('is refused when its author saw the request settled already, or names no decision about a request', () => {
    const { log, twenty, eighteen } = twoDecisions();
    log.add('minutes.decision.upheld', 'comm1', { decisionId: twenty.id });
    const { phone, send } = relayCopy(log.events, 'minutes');
    const late = phone(66);
    const again = log.add('minutes.decision.upheld', 'own1', { decisionId: eighteen.id });
    late.getArray('events').push([again]);
    expect(() => send(late, [again], owners)).toThrow(/already_upheld/);
    const other = phone(67);
    const unknown = log.add('minutes.decision.upheld', 'own1', { decisionId: 'nothing' });
    other.getArray('events').push([unknown]);
    expect(() => send(other, [unknown], owners)).toThrow(/no_such/);
  });
});

/** Request r1 approved on one phone and rejected on another at once: the approval stands by the rule. */
function decidedTwice() {
  const log = scheduledRequest();
  const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '东门划20个车位' });
  const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '先不划' });
  expect(request(log).r).toMatchObject({ stage: 'decided', decision: { eventId: yes.id } });
  return { log, yes, no };
}

/** Request r1 and the anomalies as the relay folds them after the writes, the same in every merge order. */
function requestInEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
  const folds = everyMergeOrder(base, writes).map(({ state }) => ({ r: state.agenda.requests.r1, a: state.anomalies }));
  for (const f of folds.slice(1)) expect(f).toEqual(folds[0]);
  return folds[0]!;
}

describe('以这条为准 on the request', () => {
  it('a rejection upheld over the approval stands: the request is closed, the approval superseded', () => {
    const { log, yes, no } = decidedTwice();
    const base = [...log.events];
    const upheld = log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    // A resident confirms the decision on her phone meanwhile (签字确认): kept beside, in either order.
    const confirmed = log.add('request.confirmed', 'res1', { requestId: 'r1' });
    const { r, a } = requestInEveryOrder(base, [
      { events: [upheld], member: community },
      { events: [confirmed], member: resident },
    ]);
    expect(r).toMatchObject({
      stage: 'closed',
      decision: { eventId: no.id },
      concurrentDecisions: [{ eventId: yes.id }],
      upholdings: [{ eventId: upheld.id, decisionId: no.id }],
    });
    expect(a).toEqual([]);
  });

  it('an assignment made on the approval by a phone that had not seen the upholding counts, in either order', () => {
    const { log, no } = decidedTwice();
    const base = [...log.events];
    const upheld = log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    const assigned = log.add('request.assigned', 'prop1', {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-06-30',
    });
    const { r, a } = requestInEveryOrder(base, [
      { events: [upheld], member: community },
      { events: [assigned], member: property },
    ]);
    expect(r).toMatchObject({
      stage: 'assigned',
      decision: { eventId: no.id },
      assignment: { deadline: '2024-06-30' },
    });
    expect(a).toEqual([]);
  });

  it('two upholdings at once: the earlier by (at, id) names the decision that stands, both are kept', () => {
    const { log, yes, no } = decidedTwice();
    const base = [...log.events];
    const first = log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    const second = log.add('request.decision.upheld', 'own1', { requestId: 'r1', decisionId: yes.id });
    const { r, a } = requestInEveryOrder(base, [
      { events: [first], member: community },
      { events: [second], member: owners },
    ]);
    expect(r).toMatchObject({ stage: 'closed', decision: { eventId: no.id } });
    expect(r?.upholdings.map((u) => u.eventId)).toEqual([first.id, second.id]);
    expect(a).toEqual([]);
  });

  it("is refused when its author saw the request settled, or names none of the request's final decisions", () => {
    const { log, yes, no } = decidedTwice();
    log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const again = log.add('request.decision.upheld', 'own1', { requestId: 'r1', decisionId: yes.id });
    late.getArray('events').push([again]);
    expect(() => send(late, [again], owners)).toThrow(/already_upheld/);
    const other = phone(67);
    const unknown = log.add('request.decision.upheld', 'own1', { requestId: 'r1', decisionId: 'nothing' });
    other.getArray('events').push([unknown]);
    expect(() => send(other, [unknown], owners)).toThrow(/no_such/);
  });
});

describe('以这条为准 on a minutes decision reaches the request', () => {
  it("through the request's decision carried from it, which takes the minutes entry's id", () => {
    const log = scheduledRequest();
    const [step] = decisionSteps(request(log).r, 'm-1', { outcome: 'approved', text: '同意', id: 'd-minutes' });
    expect(step).toMatchObject({ type: 'request.decided', id: 'd-minutes' });
    const { log: twice, yes, no } = decidedTwice();
    const { r } = request(twice);
    expect(upholdSteps(r, { eventId: no.id, text: '先不划' })).toEqual([
      { type: 'request.decision.upheld', fields: { requestId: 'r1', decisionId: no.id } },
    ]);
    // Carried before decisions took their entry's id: found by its words, when only one has them.
    expect(upholdSteps(r, { eventId: 'd-older', text: ' 东门划20个车位 ' })).toEqual([
      { type: 'request.decision.upheld', fields: { requestId: 'r1', decisionId: yes.id } },
    ]);
    // A minutes entry the request never held (kept in the minutes only) settles the minutes alone.
    expect(upholdSteps(r, { eventId: 'd-only', text: '另外的话' })).toEqual([]);
    twice.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    expect(upholdSteps(request(twice).r, { eventId: yes.id, text: '东门划20个车位' })).toEqual([]);
  });
});
