import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../shared/folds/index.ts';
import { applyActionItems, foldEvents, isOverdue, voteCounts, whoseTurn } from '../../shared/folds/index.ts';
import { assignedRequest, committee, completedRequest, raiser, request } from './support/agendaLog.ts';
import { photo, TestLog } from './support/TestLog.ts';

describe('the agenda fold', () => {
  it('follows a request through all six steps', () => {
    const log = new TestLog();
    log.add('meeting.scheduled', committee, {
      meetingId: 'm-1',
      kind: 'three-party',
      startsAt: log.at + 9e6,
      place: '议事厅',
    });
    log.add('request.raised', raiser, { title: '篮球场改造', category: 'other', building: '3号楼' }, 'r1');
    expect(request(log).r.stage).toBe('raised');
    log.add('request.edited', raiser, { requestId: 'r1', detail: '地面开裂' });
    log.add('request.classified', committee, { requestId: 'r1', category: 'children', priority: 'normal' });
    expect(request(log).r).toMatchObject({
      stage: 'classified',
      category: 'children',
      priority: 'normal',
      detail: '地面开裂',
    });
    log.add('request.scheduled', committee, { requestId: 'r1', meetingId: 'm-1' });
    log.add('request.voted', 'res2', { requestId: 'r1', choice: 'against' });
    log.add('request.voted', 'res3', { requestId: 'r1', choice: 'for' });
    log.add('request.voted', 'res2', { requestId: 'r1', choice: 'for' });
    log.add('request.tallied', committee, { requestId: 'r1', tally: { for: 20, against: 1, abstain: 2 } });
    expect(voteCounts(request(log).r)).toEqual({ for: 2, against: 0, abstain: 0 });
    expect(request(log).r).toMatchObject({ stage: 'scheduled', meetingId: 'm-1' });
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意改造' });
    log.add('request.confirmed', 'res2', { requestId: 'r1' });
    log.add('request.confirmed', committee, {
      requestId: 'r1',
      onPaper: { names: ['王秀英', '李建国'], photos: [photo] },
    });
    expect(request(log).r).toMatchObject({ stage: 'decided', decision: { outcome: 'approved' } });
    expect(whoseTurn(request(log).r)).toBe('committee');
    log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-06-30' });
    log.add('request.progressed', 'prop1', { requestId: 'r1', note: '已进场施工' });
    const esc = log.add('request.escalated', committee, { requestId: 'r1', to: 'department', department: '区住建局' });
    expect(whoseTurn(request(log).r)).toBe('community');
    log.add('request.answered', committee, { requestId: 'r1', escalationId: esc.id, answer: '同意' });
    expect(whoseTurn(request(log).r)).toBe('property');
    log.add('request.completed', 'prop1', { requestId: 'r1', result: '改造完成' });
    expect(whoseTurn(request(log).r)).toBe('residents');
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5, solved: true });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 4 });
    const { r, state } = request(log);
    expect(state.anomalies).toEqual([]);
    expect(r).toMatchObject({
      stage: 'completed',
      tally: { for: 20, against: 1, abstain: 2 },
      assignment: { owner: { party: 'property' }, deadline: '2024-06-30', source: 'agenda' },
      averageRating: 4.5,
      reopenCount: 0,
    });
    expect(r.confirmations.map((c) => c.onPaper?.names ?? c.by)).toEqual(['res2', ['王秀英', '李建国']]);
    expect(r.escalations[0]?.answer?.text).toBe('同意');
    expect(r.progress).toHaveLength(1);
    expect(r.timeline.map((t) => t.type)).toEqual(log.events.slice(1).map((e) => e.type));
  });

  it('reopens a completed request whose average rating falls under three', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 4 });
    expect(request(log).r.stage).toBe('completed');
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 1 });
    const { r } = request(log);
    expect(r).toMatchObject({ stage: 'reopened', averageRating: 2.5, reopenCount: 1, reopenCause: 'ratings' });
    expect(r.reopenReason).toBeNull();
    expect(whoseTurn(r)).toBe('owners');
  });

  it('reopens a completed request a resident rates as not solved, however many stars', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5, solved: false });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 1 });
  });

  it('lets a member re-rate, replacing the earlier rating', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 2, comment: '又坏了' });
    const { r } = request(log);
    expect(r.ratings).toHaveLength(1);
    expect(r).toMatchObject({ averageRating: 2, stage: 'reopened' });
  });

  it('takes more ratings while reopened or reassigned without counting the reopening twice, and starts afresh on the next completion', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 2 });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 1 });
    log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'owners' }, deadline: '2024-07-15' });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 2 });
    log.add('request.completed', 'own1', { requestId: 'r1', result: '重新整改' });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
    const { r, state } = request(log);
    expect(state.anomalies).toEqual([]);
    expect(r).toMatchObject({ stage: 'completed', averageRating: 5, reopenCount: 1 });
  });

  it('lets the committee reopen a completed request', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '又有人拉飞线' });
    expect(request(log).r).toMatchObject({
      stage: 'reopened',
      reopenCount: 1,
      reopenCause: 'committee',
      reopenReason: '又有人拉飞线',
    });
  });

  it('keeps a rejection made offline beside the approval an assignment stands on, as a conflict and not a step', () => {
    const log = assignedRequest();
    const second = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const { r, state } = request(log);
    expect(r).toMatchObject({ stage: 'assigned', decision: { outcome: 'approved' } });
    expect(r.concurrentDecisions).toMatchObject([{ eventId: second.id, outcome: 'rejected', note: '不同意' }]);
    expect(state.anomalies).toEqual([]);
  });

  it('sends a deferred request back to deliberation and takes a later decision', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: '加装电梯', category: 'elevator' }, 'r1');
    log.add('request.classified', committee, { requestId: 'r1', category: 'elevator', priority: 'normal' });
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    expect(request(log).r).toMatchObject({ stage: 'classified', deferrals: 1 });
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'rejected', note: '条件不具备' });
    expect(request(log).r).toMatchObject({ stage: 'closed', decision: { outcome: 'rejected' } });
    expect(whoseTurn(request(log).r)).toBeNull();
  });

  it('ignores transitions the loop does not allow', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: '路灯不亮', category: 'lighting' }, 'r1');
    const bad = [
      log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '' }),
      log.add('request.completed', committee, { requestId: 'r1', result: '修好了' }),
      log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 }),
      log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-06-30' }),
      log.add('request.scheduled', committee, { requestId: 'r1', meetingId: 'nowhere' }),
      log.add('request.withdrawn', 'res2', { requestId: 'r1', reason: '不是我的' }),
      log.add('request.edited', 'res2', { requestId: 'r1', title: '改标题' }),
      log.add('request.reopened', committee, { requestId: 'r1', reason: '?' }),
      log.add('request.classified', committee, { requestId: 'nope', category: 'lighting', priority: 'low' }),
    ];
    const { r, state } = request(log);
    expect(r.stage).toBe('raised');
    expect(r.title).toBe('路灯不亮');
    expect(state.anomalies.map((a) => a.eventId)).toEqual(bad.map((e) => e.id));
    expect(state.anomalies.map((a) => a.reason)).toEqual([
      { code: 'stage', stage: 'raised' },
      { code: 'stage', stage: 'raised' },
      { code: 'stage', stage: 'raised' },
      { code: 'stage', stage: 'raised' },
      { code: 'stage', stage: 'raised' },
      { code: 'not_raiser' },
      { code: 'not_raiser' },
      { code: 'stage', stage: 'raised' },
      { code: 'no_such', thing: 'request' },
    ]);
  });

  it('lets the raiser withdraw before a decision, and a classification written after keeps it withdrawn', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: '垃圾清运', category: 'property' }, 'r1');
    log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '已解决' });
    log.add('request.classified', committee, { requestId: 'r1', category: 'property', priority: 'low' });
    const { r, state } = request(log);
    expect(r).toMatchObject({ stage: 'withdrawn', withdrawnReason: '已解决', priority: 'low' });
    expect(state.anomalies).toEqual([]);
  });

  it('merges a duplicate into the request that carries on', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: '飞线充电', category: 'ev-charging' }, 'r1');
    log.add('request.raised', 'res2', { title: '飞线太危险', category: 'ev-charging' }, 'r2');
    log.add('request.merged', committee, { requestId: 'r2', intoId: 'r1' });
    log.add('request.voted', 'res3', { requestId: 'r2', choice: 'for' });
    const { state } = request(log);
    expect(state.agenda.requests.r2).toMatchObject({ stage: 'merged', mergedInto: 'r1' });
    expect(state.agenda.requests.r1).toMatchObject({ stage: 'raised', mergedFrom: ['r2'] });
    // A vote written on a phone that had not seen the merge is kept; the relay refuses one whose author saw it.
    expect(state.agenda.requests.r2?.votes).toHaveLength(1);
    expect(state.anomalies).toEqual([]);
  });

  it('lists an event arriving before the request it names as an anomaly', () => {
    const log = new TestLog();
    const early = log.add('request.classified', committee, { requestId: 'r1', category: 'roads', priority: 'low' });
    log.add('request.raised', raiser, { title: '路面坑洼', category: 'roads' }, 'r1');
    const { r, state } = request(log);
    expect(r).toMatchObject({ title: '路面坑洼', stage: 'raised', raisedBy: raiser });
    expect(state.anomalies).toEqual([
      { eventId: early.id, type: 'request.classified', reason: { code: 'no_such', thing: 'request' } },
    ]);
  });

  it('lets no copy of a duplicated id count, wherever each sits in the log', () => {
    const log = new TestLog();
    const raised = log.add('request.raised', raiser, { title: '路面坑洼', category: 'roads' }, 'r1');
    const again = log.add('request.raised', 'res2', { title: '重复', category: 'roads' }, 'r1');
    log.events.push({ ...raised });
    const forward = foldEvents(log.events);
    const backward = foldEvents([...log.events].reverse());
    expect(forward.agenda.requests.r1).toBeUndefined();
    expect(backward.agenda.requests.r1).toBeUndefined();
    expect(forward.anomalies.map((a) => [a.eventId, a.reason.code])).toEqual([
      [raised.id, 'duplicate_id'],
      [again.id, 'duplicate_id'],
      [raised.id, 'duplicate_id'],
    ]);
  });

  it('keeps unparseable events out of the state and says why', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: '路灯', category: 'lighting' }, 'r1');
    const state = foldEvents([...log.events, { id: 'junk', type: 'request.raised', at: 1, by: raiser }, 42, null]);
    expect(Object.keys(state.agenda.requests)).toEqual(['r1']);
    expect(state.anomalies).toHaveLength(3);
    expect(state.anomalies[0]).toMatchObject({ eventId: 'junk', type: 'request.raised' });
    expect(state.anomalies[0]?.reason).toMatchObject({ code: 'schema' });
  });

  it('counts a member’s own confirmation once, the earlier (the relay refuses one whose author had confirmed)', () => {
    const log = assignedRequest();
    const first = log.add('request.confirmed', 'res2', { requestId: 'r1' });
    log.add('request.confirmed', 'res2', { requestId: 'r1' });
    const { r, state } = request(log);
    expect(r.confirmations.map((c) => c.eventId)).toEqual([first.id]);
    expect(state.anomalies).toEqual([]);
  });
});

describe('overdue requests', () => {
  const day = (iso: string) => Date.parse(iso);
  const { r } = request(assignedRequest());

  it('is not overdue until the deadline day has passed in Asia/Shanghai', () => {
    expect(isOverdue(r, day('2024-06-30T15:59:59Z'))).toBe(false);
    expect(isOverdue(r, day('2024-06-30T16:00:00Z'))).toBe(true);
  });

  it('is never overdue once completed', () => {
    const done = request(completedRequest()).r;
    expect(isOverdue(done, day('2024-12-31T00:00:00Z'))).toBe(false);
  });

  it('is not overdue without an assignment', () => {
    const log = new TestLog();
    log.add('request.raised', raiser, { title: 'x', category: 'other' }, 'r1');
    expect(isOverdue(request(log).r, day('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('action items from minutes', () => {
  const item = (at: number, requestId: string | null): ActionItem => ({
    eventId: 'a1',
    at,
    by: 'comm1',
    text: '物业限期整改',
    owner: { party: 'property' },
    deadline: '2024-07-31',
    requestId,
  });

  it('assigns a decided request from its meeting action item', () => {
    const log = assignedRequest();
    log.events.pop();
    const { state } = request(log);
    const agenda = applyActionItems(state.agenda, [item(log.at + 1, 'r1'), item(log.at, null)]);
    expect(agenda.requests.r1).toMatchObject({
      stage: 'assigned',
      assignment: { source: 'minutes', deadline: '2024-07-31' },
    });
    expect(state.agenda.requests.r1?.stage).toBe('decided');
  });

  it('keeps a newer assignment made in the agenda', () => {
    const { state, r } = request(assignedRequest());
    const agenda = applyActionItems(state.agenda, [item(r.assignment!.at - 1, 'r1')]);
    expect(agenda.requests.r1).toBe(r);
  });
});
