import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import {
  assignedRequest,
  committee,
  completedRequest,
  raiser,
  request,
  scheduledRequest,
} from './support/agendaLog.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners, resident, resident2, resident3 } from './support/members.ts';
import type { TestLog } from './support/TestLog.ts';

/**
 * Residents and committee members act on one request from phones offline at the same time; Yjs
 * puts their events in either order. The request must come out the same either way.
 */

/** The log with its last two events, written offline at the same time, in both orders. */
function bothOrders(log: TestLog): [AppEvent[], AppEvent[]] {
  const head = log.events.slice(0, -2);
  const [a, b] = log.events.slice(-2) as [AppEvent, AppEvent];
  return [
    [...head, a, b],
    [...head, b, a],
  ];
}

/**
 * Request r1 and the anomalies as the relay folds them after phones wrote offline from `base`,
 * asserted the same in every merge order.
 */
function inEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
  const folds = everyMergeOrder(base, writes).map(({ state }) => ({
    r: state.agenda.requests.r1,
    requests: state.agenda.requests,
    anomalies: state.anomalies,
  }));
  for (const fold of folds.slice(1)) expect(fold).toEqual(folds[0]);
  return folds[0]!;
}

describe('two decisions made at once on one request', () => {
  it('an approval and a rejection: the approval stands and the rejection is kept beside it, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [yes], member: community },
      { events: [no], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'decided',
      decision: { eventId: yes.id, outcome: 'approved' },
      concurrentDecisions: [{ eventId: no.id, outcome: 'rejected', note: '不同意', by: 'own1' }],
    });
    expect(anomalies).toEqual([]);
  });

  it('steps taken on the approval stand beside a rejection decided at once, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const confirmed = log.add('request.confirmed', 'own1', {
      requestId: 'r1',
      onPaper: { names: ['张三'], photos: ['a'.repeat(64)] },
    });
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const assigned = log.add('request.assigned', committee, {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-06-30',
    });
    const progressed = log.add('request.progressed', committee, { requestId: 'r1', note: '已联系施工队' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [yes, assigned, progressed], member: community },
      { events: [no, confirmed], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'assigned',
      decision: { eventId: yes.id },
      concurrentDecisions: [{ eventId: no.id }],
      assignment: { eventId: assigned.id },
      confirmations: [{ eventId: confirmed.id }],
      progress: [{ eventId: progressed.id }],
    });
    expect(anomalies).toEqual([]);
  });

  it('two approvals: the earlier by (at, id) stands and the later show of hands is the tally, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const first = log.add('request.decided', committee, {
      requestId: 'r1',
      outcome: 'approved',
      note: '同意',
      tally: { for: 9, against: 1, abstain: 0 },
    });
    const second = log.add('request.decided', 'own1', {
      requestId: 'r1',
      outcome: 'approved',
      note: '同意，尽快',
      tally: { for: 12, against: 1, abstain: 2 },
    });
    const { r } = inEveryOrder(base, [
      { events: [first], member: community },
      { events: [second], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'decided',
      decision: { eventId: first.id },
      concurrentDecisions: [{ eventId: second.id }],
      tally: { for: 12, against: 1, abstain: 2 },
    });
  });

  it('two approvals each followed by an assignment: the earlier approval and the later assignment stand, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const yes2 = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'approved', note: '同意' });
    const toOwners = log.add('request.assigned', 'own1', {
      requestId: 'r1',
      owner: { party: 'owners' },
      deadline: '2024-06-30',
    });
    const toProperty = log.add('request.assigned', committee, {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-07-15',
    });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [yes, toProperty], member: community },
      { events: [yes2, toOwners], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'assigned',
      decision: { eventId: yes.id },
      concurrentDecisions: [{ eventId: yes2.id }],
      assignment: { eventId: toProperty.id },
    });
    expect(anomalies).toEqual([]);
  });

  it('a deferral and a rejection: deferred once and rejected, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const no = log.add('request.decided', committee, { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const later = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [no], member: community },
      { events: [later], member: owners },
    ]);
    expect(r).toMatchObject({ stage: 'closed', decision: { eventId: no.id }, deferrals: 1, concurrentDecisions: [] });
    expect(anomalies).toEqual([]);
  });

  it('two deferrals: deferred twice and the later stands as the decision, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const a = log.add('request.decided', committee, { requestId: 'r1', outcome: 'deferred', note: '再了解一下' });
    const b = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    const { r } = inEveryOrder(base, [
      { events: [a], member: community },
      { events: [b], member: owners },
    ]);
    expect(r).toMatchObject({ stage: 'classified', decision: { eventId: b.id }, deferrals: 2 });
  });
});

describe('concurrent steps on one request', () => {
  it('two members classifying at once: the later category and priority stand, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const first = log.add('request.classified', committee, { requestId: 'r1', category: 'safety', priority: 'high' });
    const later = log.add('request.classified', 'own1', { requestId: 'r1', category: 'property', priority: 'low' });
    const { r } = inEveryOrder(base, [
      { events: [later], member: owners },
      { events: [first], member: community },
    ]);
    expect(r).toMatchObject({ category: later.category, priority: later.priority, stage: 'scheduled' });
  });

  it('two members scheduling at once: the later meeting stands, in every merge order', () => {
    const log = scheduledRequest();
    log.add('meeting.scheduled', committee, { meetingId: 'm-2', kind: 'council', startsAt: log.at, place: '活动室' });
    const base = [...log.events];
    const again = log.add('request.scheduled', committee, { requestId: 'r1', meetingId: 'm-1' });
    const moved = log.add('request.scheduled', 'own1', { requestId: 'r1', meetingId: 'm-2' });
    const { r } = inEveryOrder(base, [
      { events: [moved], member: owners },
      { events: [again], member: community },
    ]);
    expect(r).toMatchObject({ meetingId: 'm-2', stage: 'scheduled' });
  });

  it('a deferral and a scheduling at once: the later of the two sets the stage, in every merge order', () => {
    const log = scheduledRequest();
    log.add('meeting.scheduled', committee, { meetingId: 'm-2', kind: 'council', startsAt: log.at, place: '活动室' });
    const base = [...log.events];
    const deferred = log.add('request.decided', committee, { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    const moved = log.add('request.scheduled', 'own1', { requestId: 'r1', meetingId: 'm-2' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [moved], member: owners },
      { events: [deferred], member: community },
    ]);
    expect(r).toMatchObject({ meetingId: 'm-2', stage: 'scheduled', deferrals: 1 });
    expect(anomalies).toEqual([]);
  });
  it('two residents voting at once: the same votes in the same order, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const a = log.add('request.voted', 'res2', { requestId: 'r1', choice: 'for' });
    const b = log.add('request.voted', 'res3', { requestId: 'r1', choice: 'against' });
    const { r } = inEveryOrder(base, [
      { events: [b], member: resident3 },
      { events: [a], member: resident2 },
    ]);
    expect(r?.votes.map((v) => v.eventId)).toEqual([a.id, b.id]);
  });

  it('one resident voting on two phones: the later vote stands, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const first = log.add('request.voted', 'res2', { requestId: 'r1', choice: 'against' });
    const second = log.add('request.voted', 'res2', { requestId: 'r1', choice: 'for' });
    const { r } = inEveryOrder(base, [
      { events: [second], member: resident2 },
      { events: [first], member: resident2 },
    ]);
    expect(r?.votes).toMatchObject([{ eventId: second.id, choice: 'for' }]);
  });

  it('progress notes, escalations and confirmations written at once list alike, in every merge order', () => {
    const log = assignedRequest();
    const base = [...log.events];
    const note = log.add('request.progressed', 'own1', { requestId: 'r1', note: '材料已到' });
    const up = log.add('request.escalated', 'own1', { requestId: 'r1', to: 'community' });
    const signed = log.add('request.confirmed', 'res2', { requestId: 'r1' });
    const note2 = log.add('request.progressed', committee, { requestId: 'r1', note: '物业同意配合' });
    const up2 = log.add('request.escalated', committee, { requestId: 'r1', to: 'department', department: '街道' });
    const signed2 = log.add('request.confirmed', 'res3', { requestId: 'r1' });
    const { r } = inEveryOrder(base, [
      { events: [note2, up2, signed2], member: community },
      { events: [note, up, signed], member: owners },
    ]);
    expect(r?.progress.map((x) => x.eventId)).toEqual([note.id, note2.id]);
    expect(r?.escalations.map((x) => x.eventId)).toEqual([up.id, up2.id]);
    expect(r?.confirmations.map((x) => x.eventId)).toEqual([signed.id, signed2.id]);
  });
  it('two recorders counting hands at once: the later count stands, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const a = log.add('request.tallied', committee, { requestId: 'r1', tally: { for: 8, against: 2, abstain: 0 } });
    const b = log.add('request.tallied', 'own1', { requestId: 'r1', tally: { for: 9, against: 2, abstain: 1 } });
    const { r } = inEveryOrder(base, [
      { events: [b], member: owners },
      { events: [a], member: community },
    ]);
    expect(r?.tally).toEqual({ for: 9, against: 2, abstain: 1 });
  });

  it('two residents rating at once: a one-star and a five-star average three, and it stays completed in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab).toMatchObject({ stage: 'completed', averageRating: 3, reopenCount: 0, reopenCause: null });
    expect(ba).toEqual(ab);
  });

  it('two poor ratings at once reopen it once, in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 2 });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab).toMatchObject({ stage: 'reopened', averageRating: 1.5, reopenCount: 1, reopenCause: 'ratings' });
    expect(ba).toEqual(ab);
  });

  it('a reopening by ratings alone is undone by ratings that lift the average, and what came before is put back', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '又有人拉飞线' });
    log.add('request.completed', 'own1', { requestId: 'r1', result: '加装了挡板' });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 2 });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 2, reopenCause: 'ratings' });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    expect(request(log).r).toMatchObject({
      stage: 'completed',
      reopenCount: 1,
      reopenCause: 'committee',
      reopenReason: '又有人拉飞线',
      reopenedFrom: null,
    });
  });

  it('once someone acts on a reopening, a later good rating does not undo it', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.progressed', 'own1', { requestId: 'r1', note: '再去看看' });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 1, averageRating: 3 });
  });

  it('one resident rating on two phones: the later rating stands in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1, comment: '还是不行' });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5, comment: '看错了，挺好' });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab?.ratings.map((x) => x.stars)).toEqual([5]);
    expect(ab).toMatchObject({ stage: 'completed', reopenCount: 0 });
    expect(ba).toEqual(ab);
  });

  it('two members assigning at once: the later assignment stands in either order', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'owners' }, deadline: '2024-07-01' });
    log.add('request.assigned', 'admin1', { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-07-10' });
    const [ab, ba] = bothOrders(log).map((events) => request(events));
    expect(ab?.r.assignment).toMatchObject({ owner: { party: 'property' }, deadline: '2024-07-10' });
    expect(ba?.r).toEqual(ab?.r);
    expect(ab?.state.anomalies).toEqual([]);
    expect(ba?.state.anomalies).toEqual([]);
  });
});

describe('one step taken twice at once', () => {
  it('one resident confirming on two phones counts once, the earlier, in every merge order', () => {
    const log = assignedRequest();
    const base = [...log.events];
    const first = log.add('request.confirmed', 'res2', { requestId: 'r1' });
    const second = log.add('request.confirmed', 'res2', { requestId: 'r1' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: resident2 },
      { events: [first], member: resident2 },
    ]);
    expect(r?.confirmations).toMatchObject([{ eventId: first.id, by: 'res2' }]);
    expect(anomalies).toEqual([]);
  });

  it('two answers to one escalation: the earlier stands and the other is kept beside it, in every merge order', () => {
    const log = assignedRequest();
    const up = log.add('request.escalated', committee, { requestId: 'r1', to: 'department', department: '街道' });
    const base = [...log.events];
    const first = log.add('request.answered', committee, { requestId: 'r1', escalationId: up.id, answer: '下周来看' });
    const second = log.add('request.answered', 'own1', { requestId: 'r1', escalationId: up.id, answer: '已派人' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: owners },
      { events: [first], member: community },
    ]);
    expect(r?.escalations).toMatchObject([
      { eventId: up.id, answer: { eventId: first.id, text: '下周来看' }, concurrentAnswers: [{ eventId: second.id }] },
    ]);
    expect(anomalies).toEqual([]);
  });
});

describe('the work reported done at once', () => {
  it('two completions: the earlier stands and the other is kept beside it, in every merge order', () => {
    const log = assignedRequest();
    const base = [...log.events];
    const first = log.add('request.completed', 'own1', { requestId: 'r1', result: '装了充电桩' });
    const second = log.add('request.completed', committee, { requestId: 'r1', result: '物业装好了' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: community },
      { events: [first], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'completed',
      completion: { eventId: first.id, result: '装了充电桩' },
      concurrentCompletions: [{ eventId: second.id, result: '物业装好了' }],
    });
    expect(anomalies).toEqual([]);
  });

  it('a completion, a reassignment and a progress note at once: completed, with the later assignment and the note, in every merge order', () => {
    const log = assignedRequest();
    const base = [...log.events];
    const done = log.add('request.completed', 'own1', { requestId: 'r1', result: '装了充电桩' });
    const moved = log.add('request.assigned', committee, {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-07-15',
    });
    const note = log.add('request.progressed', committee, { requestId: 'r1', note: '物业说材料没到' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [moved, note], member: community },
      { events: [done], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'completed',
      completion: { eventId: done.id },
      assignment: { eventId: moved.id, owner: { party: 'property' } },
      progress: [{ eventId: note.id }],
    });
    expect(anomalies).toEqual([]);
  });

  it('ratings of a completion stand beside a completion written at once, wherever the log holds it', () => {
    const log = assignedRequest();
    const head = [...log.events];
    const a = log.add('request.completed', 'own1', { requestId: 'r1', result: '装了充电桩' });
    const b = log.add('request.completed', committee, { requestId: 'r1', result: '物业装好了' });
    // A poor rating would reopen it: a completion stamped after that starts the next round.
    const rated = log.add('request.rated', 'res2', { requestId: 'r1', stars: 4 });
    const [first, ...others] = [
      [...head, a, rated, b],
      [...head, a, b, rated],
      [...head, b, a, rated],
    ].map((events) => request(events).r);
    expect(first).toMatchObject({ stage: 'completed', completion: { eventId: a.id }, ratings: [{ stars: 4 }] });
    for (const r of others) expect(r).toEqual(first);
  });
});

/** Request r1 scheduled, and r2 and r3 raised after it (duplicates to merge). */
function withDuplicates(): TestLog {
  const log = scheduledRequest();
  log.add('request.raised', 'res2', { title: '飞线又来了', category: 'ev-charging' }, 'r2');
  log.add('request.raised', 'res3', { title: '楼道里充电', category: 'ev-charging' }, 'r3');
  return log;
}

describe('a request ended on one phone and decided or merged on another', () => {
  it('a withdrawal and an approval at once: the approval and the steps on it stand, the withdrawal is kept beside it, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const assigned = log.add('request.assigned', committee, {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-06-30',
    });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [yes, assigned], member: community },
      { events: [back], member: resident },
    ]);
    expect(r).toMatchObject({
      stage: 'assigned',
      decision: { eventId: yes.id },
      assignment: { eventId: assigned.id },
      withdrawal: { eventId: back.id, reason: '自己解决了' },
      withdrawnReason: null,
    });
    expect(anomalies).toEqual([]);
  });

  it('a withdrawal and a deferral at once: withdrawn and deferred once, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const later = log.add('request.decided', committee, { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [later], member: community },
      { events: [back], member: resident },
    ]);
    expect(r).toMatchObject({ stage: 'withdrawn', withdrawnReason: '自己解决了', deferrals: 1 });
    expect(anomalies).toEqual([]);
  });

  it('the raiser withdrawing on two phones: the earlier withdrawal stands, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const first = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const second = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '不需要了' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: resident },
      { events: [first], member: resident },
    ]);
    expect(r).toMatchObject({ stage: 'withdrawn', withdrawnReason: '自己解决了', withdrawal: { eventId: first.id } });
    expect(anomalies).toEqual([]);
  });

  it('a merge and a rejection at once: the rejection stands, the merge is kept and the target lists it, in every merge order', () => {
    const log = withDuplicates();
    const base = [...log.events];
    const merged = log.add('request.merged', committee, { requestId: 'r1', intoId: 'r2' });
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [no], member: owners },
      { events: [merged], member: community },
    ]);
    expect(requests.r1).toMatchObject({
      stage: 'closed',
      mergedInto: null,
      merges: [{ eventId: merged.id, intoId: 'r2' }],
    });
    expect(requests.r2).toMatchObject({ stage: 'raised', mergedFrom: ['r1'] });
    expect(anomalies).toEqual([]);
  });

  it('a merge and a withdrawal at once: merged, the withdrawal kept, in every merge order', () => {
    const log = withDuplicates();
    const base = [...log.events];
    const merged = log.add('request.merged', committee, { requestId: 'r1', intoId: 'r2' });
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [back], member: resident },
      { events: [merged], member: community },
    ]);
    expect(r).toMatchObject({
      stage: 'merged',
      mergedInto: 'r2',
      withdrawnReason: null,
      withdrawal: { eventId: back.id },
    });
    expect(anomalies).toEqual([]);
  });

  it('one request merged into two at once: the earlier merge stands and both targets list it, in every merge order', () => {
    const log = withDuplicates();
    const base = [...log.events];
    const first = log.add('request.merged', committee, { requestId: 'r1', intoId: 'r2' });
    const second = log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r3' });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [second], member: owners },
      { events: [first], member: community },
    ]);
    expect(requests.r1).toMatchObject({
      stage: 'merged',
      mergedInto: 'r2',
      merges: [{ eventId: first.id }, { eventId: second.id }],
    });
    expect(requests.r2?.mergedFrom).toEqual(['r1']);
    expect(requests.r3?.mergedFrom).toEqual(['r1']);
    expect(anomalies).toEqual([]);
  });

  it('two duplicates merged into one request at once list in the order they were raised, in every merge order', () => {
    const log = withDuplicates();
    const base = [...log.events];
    const a = log.add('request.merged', committee, { requestId: 'r3', intoId: 'r1' });
    const b = log.add('request.merged', 'own1', { requestId: 'r2', intoId: 'r1' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [a], member: community },
      { events: [b], member: owners },
    ]);
    expect(r?.mergedFrom).toEqual(['r2', 'r3']);
    expect(anomalies).toEqual([]);
  });

  it('a merge into a request withdrawn at once: merged all the same, in every merge order', () => {
    const log = withDuplicates();
    const base = [...log.events];
    const merged = log.add('request.merged', committee, { requestId: 'r2', intoId: 'r1' });
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    const { requests, anomalies } = inEveryOrder(base, [
      { events: [back], member: resident },
      { events: [merged], member: community },
    ]);
    expect(requests.r1).toMatchObject({ stage: 'withdrawn', mergedFrom: ['r2'] });
    expect(requests.r2).toMatchObject({ stage: 'merged', mergedInto: 'r1' });
    expect(anomalies).toEqual([]);
  });
});

describe('the raiser editing on two phones', () => {
  it('each field keeps the later edit by (at, id) and each edit what the earlier left, in every merge order', () => {
    const log = scheduledRequest();
    const base = [...log.events];
    const first = log.add('request.edited', raiser, {
      requestId: 'r1',
      title: '楼下飞线充电',
      detail: '每天晚上都有',
      photos: ['a'.repeat(64)],
    });
    const second = log.add('request.edited', raiser, {
      requestId: 'r1',
      title: '3号楼飞线充电',
      location: '3号楼',
      photos: ['b'.repeat(64)],
    });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: resident },
      { events: [first], member: resident },
    ]);
    expect(r).toMatchObject({
      title: '3号楼飞线充电',
      detail: '每天晚上都有',
      location: '3号楼',
      photos: ['b'.repeat(64)],
    });
    expect(r?.edits.map((x) => [x.eventId, x.changes])).toEqual([
      [
        first.id,
        [
          { field: 'title', before: '飞线充电', after: '楼下飞线充电' },
          { field: 'detail', before: null, after: '每天晚上都有' },
        ],
      ],
      [
        second.id,
        [
          { field: 'title', before: '楼下飞线充电', after: '3号楼飞线充电' },
          { field: 'location', before: null, after: '3号楼' },
        ],
      ],
    ]);
    expect(anomalies).toEqual([]);
  });
});
