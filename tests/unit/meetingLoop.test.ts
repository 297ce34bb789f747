import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { applyActionItems } from '../../shared/folds/agendaQueries.ts';
import { actionSteps, type CarriedStep, decisionSteps } from '../../shared/folds/meetingLoop.ts';
import { committee, raiser, request, scheduledRequest } from './support/agendaLog.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import type { TestLog } from './support/TestLog.ts';

/** Writes what the minutes carry into the public log, as the committee member's phone does. */
function carry(log: TestLog, steps: CarriedStep[]): void {
  for (const s of steps) log.add(s.type, committee, s.fields as never);
}

const item = { text: '物业清理楼道杂物', owner: { party: 'property' as const }, deadline: '2026-12-20' };

describe("a meeting's decisions and action items reach the request they are about", () => {
  it('a decision on a request scheduled for the meeting decides it; an action item then assigns it', () => {
    const log = scheduledRequest();
    const steps = decisionSteps(request(log).r, 'm-1', { outcome: 'approved', text: ' 同意装充电桩 ' });
    expect(steps.map((s) => s.type)).toEqual(['request.decided']);
    carry(log, steps);
    expect(request(log).r).toMatchObject({ stage: 'decided', decision: { outcome: 'approved', note: '同意装充电桩' } });
    carry(log, actionSteps(request(log).r, item));
    expect(request(log).r).toMatchObject({
      stage: 'assigned',
      assignment: { owner: { party: 'property' }, deadline: '2026-12-20', note: '物业清理楼道杂物' },
    });
  });

  it('a request only raised, picked from the list at the meeting, is sorted, put on the meeting and decided', () => {
    const log = scheduledRequest();
    log.add('request.raised', raiser, { title: '楼道堆杂物', category: 'safety' }, 'r2');
    const steps = decisionSteps(request(log, 'r2').r, 'm-1', {
      outcome: 'approved',
      text: '清理楼道',
      tally: { for: 8, against: 0, abstain: 1 },
    });
    expect(steps.map((s) => s.type)).toEqual(['request.classified', 'request.scheduled', 'request.decided']);
    carry(log, steps);
    expect(request(log, 'r2').r).toMatchObject({
      stage: 'decided',
      category: 'safety',
      priority: 'normal',
      meetingId: 'm-1',
      tally: { for: 8, against: 0, abstain: 1 },
    });
  });

  it('a deferral leaves the request to be decided again, at the next meeting', () => {
    const log = scheduledRequest();
    carry(log, decisionSteps(request(log).r, 'm-1', { outcome: 'deferred', text: '下次再议' }));
    expect(request(log).r).toMatchObject({ stage: 'classified', deferrals: 1 });
    expect(actionSteps(request(log).r, item)).toEqual([]);
    expect(decisionSteps(request(log).r, 'm-1', { outcome: 'rejected', text: '不办' })).toHaveLength(1);
  });

  it('a request already on another meeting stays on it: a deferral elsewhere does not take it off its topics', () => {
    const log = scheduledRequest();
    const steps = decisionSteps(request(log).r, 'm-other', { outcome: 'deferred', text: '等下周的会再议' });
    expect(steps.map((s) => s.type)).toEqual(['request.decided']);
    carry(log, steps);
    expect(request(log).r).toMatchObject({ meetingId: 'm-1', deferrals: 1 });
  });

  it('nothing is carried onto a request decided already, ended or unknown: the minutes keep it', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'rejected', note: '不办' });
    expect(decisionSteps(request(log).r, 'm-1', { outcome: 'approved', text: '办' })).toEqual([]);
    expect(actionSteps(request(log).r, item)).toEqual([]);
    expect(decisionSteps(undefined, 'm-1', { outcome: 'approved', text: '办' })).toEqual([]);
    expect(actionSteps(undefined, item)).toEqual([]);
  });

  it('an action item on a request undecided stays in the minutes', () => {
    const log = scheduledRequest();
    expect(actionSteps(request(log).r, item)).toEqual([]);
  });

  it('a later action item on an assigned request replaces its owner and deadline', () => {
    const log = scheduledRequest();
    carry(log, decisionSteps(request(log).r, 'm-1', { outcome: 'approved', text: '同意' }));
    carry(log, actionSteps(request(log).r, item));
    carry(log, actionSteps(request(log).r, { ...item, owner: { party: 'community' }, deadline: '2026-12-31' }));
    expect(request(log).r.assignment).toMatchObject({ owner: { party: 'community' }, deadline: '2026-12-31' });
  });

  it("the request's page tells the assignment written for an action item as the meeting's", () => {
    const log = scheduledRequest();
    carry(log, decisionSteps(request(log).r, 'm-1', { outcome: 'approved', text: '同意' }));
    const at = log.at;
    carry(log, actionSteps(request(log).r, item));
    const minutesItem = { ...item, eventId: 'a1', at, by: committee, requestId: 'r1' };
    const { r } = request(log);
    expect(applyActionItems({ requests: { r1: r } }, [minutesItem]).requests.r1?.assignment).toMatchObject({
      source: 'minutes',
      deadline: '2026-12-20',
    });
    // Another member's assignment with other words is the agenda's own.
    const other = { ...minutesItem, text: '别的事' };
    expect(applyActionItems({ requests: { r1: r } }, [other]).requests.r1?.assignment?.source).toBe('agenda');
  });
});

describe("a meeting's carried classification and a member's own, written at once", () => {
  /** Request r2, only raised, as the relay folds it after both phones' writes, the same in every merge order. */
  function inEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
    const folds = everyMergeOrder(base, writes).map(({ state }) => ({
      r: state.agenda.requests.r2,
      a: state.anomalies,
    }));
    for (const fold of folds.slice(1)) expect(fold).toEqual(folds[0]);
    expect(folds).toHaveLength(2);
    return folds[0]!;
  }

  /** Request r2 only raised; what the meeting's decision on it carries, stamped `carriedLater` after or before the member's own. */
  function decidedAtMeeting(carriedLater: boolean) {
    const log = scheduledRequest();
    log.add('request.raised', raiser, { title: '楼道堆杂物', category: 'safety' }, 'r2');
    const base = [...log.events];
    const own = () =>
      log.add('request.classified', owners.memberId, { requestId: 'r2', category: 'property', priority: 'urgent' });
    // The meeting's phone had not seen the member's classification: it decides a request only raised.
    const steps = decisionSteps(request(log, 'r2').r, 'm-1', { outcome: 'approved', text: '清理楼道' });
    const mine = carriedLater ? [own()] : [];
    const carried = steps.map((s) => log.add(s.type, committee, s.fields as never));
    if (!carriedLater) mine.push(own());
    return { base, carried, own: mine };
  }

  it.each([
    ['after', true],
    ['before', false],
  ])(
    "the member's own classification stands over one the decision carried, that one stamped %s it, in either merge order",
    (_, later) => {
      const { base, carried, own } = decidedAtMeeting(later);
      expect(carried[0]).toMatchObject({ type: 'request.classified', carried: true });
      const { r, a } = inEveryOrder(base, [
        { events: carried, member: community },
        { events: own, member: owners },
      ]);
      expect(r).toMatchObject({ stage: 'decided', category: 'property', priority: 'urgent' });
      expect(a).toEqual([]);
    },
  );

  it("of two carried classifications, or two of members' own, the later by (at, id) stands, in either order", () => {
    for (const carried of [true, false]) {
      const log = scheduledRequest();
      log.add('request.raised', raiser, { title: '楼道堆杂物', category: 'safety' }, 'r2');
      const base = [...log.events];
      const flag = carried ? { carried: true as const } : {};
      const first = log.add('request.classified', committee, {
        requestId: 'r2',
        category: 'roads',
        priority: 'normal',
        ...flag,
      });
      const later = log.add('request.classified', owners.memberId, {
        requestId: 'r2',
        category: 'greenery',
        priority: 'normal',
        ...flag,
      });
      const { r } = inEveryOrder(base, [
        { events: [first], member: community },
        { events: [later], member: owners },
      ]);
      expect(r).toMatchObject({ stage: 'classified', category: 'greenery' });
    }
  });
});
