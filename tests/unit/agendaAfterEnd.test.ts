import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { committee, raiser, scheduledRequest } from './support/agendaLog.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners, resident, resident2 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import type { TestLog } from './support/TestLog.ts';

/**
 * Steps of the deliberation (an edit, a classification, a scheduling, a count, a vote) and of an
 * open request (an escalation, an answer) written on a phone that had not seen the request decided,
 * rejected, withdrawn or merged: kept without moving the stage, in every merge order. Before, each
 * was ignored as `stage` when Yjs put it after the end, and counted when it put it before.
 */
function inEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
  const folds = everyMergeOrder(base, writes).map(({ state }) => ({
    requests: state.agenda.requests,
    anomalies: state.anomalies,
  }));
  for (const fold of folds.slice(1)) expect(fold).toEqual(folds[0]);
  return folds[0]!;
}

/** Request r1 scheduled for m-1, a second meeting m-2, an escalation of r1 and request r2 raised. */
function deliberated(): { log: TestLog; up: AppEvent } {
  const log = scheduledRequest();
  log.add('meeting.scheduled', committee, { meetingId: 'm-2', kind: 'council', startsAt: log.at, place: '活动室' });
  const up = log.add('request.escalated', committee, { requestId: 'r1', to: 'community' });
  log.add('request.raised', 'res2', { title: '飞线又来了', category: 'ev-charging' }, 'r2');
  return { log, up };
}

/** What the committee, a neighbour and the raiser's other phone write while the request ends elsewhere. */
function stepsAtOnce(log: TestLog, escalationId: string) {
  const committeePhone = [
    log.add('request.classified', committee, { requestId: 'r1', category: 'safety', priority: 'high' }),
    log.add('request.tallied', committee, { requestId: 'r1', tally: { for: 9, against: 1, abstain: 0 } }),
    log.add('request.scheduled', committee, { requestId: 'r1', meetingId: 'm-2' }),
    log.add('request.answered', committee, { requestId: 'r1', escalationId, answer: '下周来看' }),
  ];
  const vote = log.add('request.voted', 'res2', { requestId: 'r1', choice: 'for' });
  const edit = log.add('request.edited', raiser, { requestId: 'r1', title: '3号楼飞线充电' });
  return [
    { events: committeePhone, member: community },
    { events: [vote], member: resident2 },
    { events: [edit], member: resident },
  ];
}

const keptSteps = {
  category: 'safety',
  priority: 'high',
  tally: { for: 9, against: 1, abstain: 0 },
  meetingId: 'm-2',
  title: '3号楼飞线充电',
  votes: [{ by: 'res2', choice: 'for' }],
  escalations: [{ answer: { text: '下周来看' } }],
};

describe('steps written on a phone that had not seen the request end', () => {
  it('beside a withdrawal: kept, and the request stays withdrawn, in every merge order', () => {
    const { log, up } = deliberated();
    const base = [...log.events];
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [back], member: resident },
      ...stepsAtOnce(log, up.id),
    ]);
    expect(requests.r1).toMatchObject({ stage: 'withdrawn', withdrawnReason: '自己解决了', ...keptSteps });
    expect(requests.r1?.timeline).toHaveLength(11);
    expect(anomalies).toEqual([]);
  });

  it('beside a rejection: kept, and the request stays closed, in every merge order', () => {
    const { log, up } = deliberated();
    const base = [...log.events];
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const { requests, anomalies } = inEveryOrder(base, [{ events: [no], member: owners }, ...stepsAtOnce(log, up.id)]);
    expect(requests.r1).toMatchObject({ stage: 'closed', decision: { eventId: no.id }, ...keptSteps });
    expect(anomalies).toEqual([]);
  });

  it('beside a merge: kept, and the request stays merged, in every merge order', () => {
    const { log, up } = deliberated();
    const base = [...log.events];
    const merged = log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r2' });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [merged], member: owners },
      ...stepsAtOnce(log, up.id),
    ]);
    expect(requests.r1).toMatchObject({ stage: 'merged', mergedInto: 'r2', ...keptSteps });
    expect(anomalies).toEqual([]);
  });

  it('beside an approval and its assignment: kept, and the request stays assigned, in every merge order', () => {
    const { log, up } = deliberated();
    const base = [...log.events];
    const yes = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'approved', note: '同意' });
    const assigned = log.add('request.assigned', 'own1', {
      requestId: 'r1',
      owner: { party: 'owners' },
      deadline: '2024-06-30',
    });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [yes, assigned], member: owners },
      ...stepsAtOnce(log, up.id),
    ]);
    expect(requests.r1).toMatchObject({ stage: 'assigned', decision: { eventId: yes.id }, ...keptSteps });
    expect(anomalies).toEqual([]);
  });
});

describe('a step whose author saw the request end', () => {
  it('a vote whose author saw the request withdrawn is refused (already_withdrawn)', () => {
    const log = scheduledRequest();
    log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const vote = log.add('request.voted', 'res2', { requestId: 'r1', choice: 'for' });
    late.getArray('events').push([vote]);
    expect(() => send(late, [vote], resident2)).toThrow(/already_withdrawn/);
  });

  it('an edit whose author saw the request decided is refused (already_decided), even placed before the decision', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const edit = log.add('request.edited', raiser, { requestId: 'r1', title: '3号楼飞线充电' });
    late.getArray('events').insert(log.events.length - 2, [edit]);
    expect(() => send(late, [edit], resident)).toThrow(/already_decided/);
  });

  it('a classification whose author saw the request merged is refused (already_merged)', () => {
    const { log } = deliberated();
    log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r2' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const classified = log.add('request.classified', committee, {
      requestId: 'r1',
      category: 'safety',
      priority: 'high',
    });
    late.getArray('events').push([classified]);
    expect(() => send(late, [classified], community)).toThrow(/already_merged/);
  });

  it('an answer to an escalation of a rejected request is kept', () => {
    const { log, up } = deliberated();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const { phone, send } = relayCopy(log.events);
    const next = phone(66);
    const answer = log.add('request.answered', committee, { requestId: 'r1', escalationId: up.id, answer: '已转街道' });
    next.getArray('events').push([answer]);
    expect(() => send(next, [answer], community)).not.toThrow();
  });

  it('a classification of an approved request is kept', () => {
    const { log } = deliberated();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const { phone, send } = relayCopy(log.events);
    const next = phone(66);
    const classified = log.add('request.classified', committee, {
      requestId: 'r1',
      category: 'safety',
      priority: 'high',
    });
    next.getArray('events').push([classified]);
    expect(() => send(next, [classified], community)).not.toThrow();
  });
});
