import { describe, expect, it } from 'vitest';
import { applyActionItems } from '../../shared/folds/agendaQueries.ts';
import { actionSteps, type CarriedStep, decisionSteps } from '../../shared/folds/meetingLoop.ts';
import { committee, raiser, request, scheduledRequest } from './support/agendaLog.ts';
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
