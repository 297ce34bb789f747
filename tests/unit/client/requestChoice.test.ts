import { describe, expect, it } from 'vitest';
import { requestChoices } from '../../../client/features/minutes/requestChoices.ts';
import { openRequestChoices, requestChoiceLabel } from '../../../client/ui/requestChoice.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { TestLog } from '../support/TestLog.ts';

describe('a request as a choice in a picker', () => {
  it('says its building and the day it was raised, so two of the same title are told apart', () => {
    const at = Date.parse('2026-12-05T02:00:00Z');
    expect(requestChoiceLabel({ title: '路灯不亮', building: '5号楼', raisedAt: at })).toBe(
      '路灯不亮 · 5号楼 · 12月5日',
    );
    expect(requestChoiceLabel({ title: '路灯不亮', building: null, raisedAt: at })).toBe('路灯不亮 · 12月5日');
  });

  it('offers open requests newest first, at most a hundred, and keeps the one already chosen', () => {
    const log = new TestLog();
    for (let i = 0; i < 120; i++) log.add('request.raised', 'res1', { title: `诉求${i}`, category: 'other' }, `r${i}`);
    log.add('request.withdrawn', 'res1', { requestId: 'r119', reason: '已解决' });
    const all = Object.values(foldEvents(log.events).agenda.requests) as RequestState[];
    const offered = openRequestChoices(all, undefined);
    expect(offered).toHaveLength(100);
    expect(offered[0]?.id).toBe('r118');
    expect(offered.some((r) => r.id === 'r119')).toBe(false);
    // An old one already chosen stays offered, first.
    expect(openRequestChoices(all, 'r3')[0]?.id).toBe('r3');
  });
});

describe("the minutes' pickers at a meeting", () => {
  it("offer the meeting's topics in the committee's order, then those taken up at it, and the rest apart", () => {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm-1',
      kind: 'little-stool',
      startsAt: log.at,
      place: '3号楼下',
    });
    log.add('request.raised', 'res1', { title: '跳舞音量', category: 'other', meetingId: 'm-1' }, 't1');
    log.add('request.raised', 'res1', { title: '充电难', category: 'ev-charging', meetingId: 'm-1' }, 't2');
    log.add('meeting.topics.ordered', 'comm1', { meetingId: 'm-1', requestIds: ['t1', 't2'] });
    log.add('request.raised', 'res1', { title: '路灯不亮', category: 'lighting' }, 'o1');
    log.add('request.raised', 'res1', { title: '楼道杂物', category: 'safety' }, 'o2');
    log.add('request.raised', 'res1', { title: '电梯维修', category: 'elevator' }, 'w1');
    log.add('request.classified', 'comm1', { requestId: 'w1', category: 'elevator', priority: 'high' });
    log.add('request.decided', 'comm1', { requestId: 'w1', outcome: 'approved', note: '同意' });
    log.add('request.assigned', 'comm1', { requestId: 'w1', owner: { party: 'property' }, deadline: '2024-06-30' });
    const view = { compound: foldEvents(log.events) } as Parameters<typeof requestChoices>[0];
    const ids = (rs: readonly RequestState[]) => rs.map((r) => r.id);
    // Nothing taken up: the topics, then the others waiting on the committee, newest first.
    expect(ids(requestChoices(view, 'm-1').topics)).toEqual(['t1', 't2']);
    expect(ids(requestChoices(view, 'm-1').others)).toEqual(['o2', 'o1']);
    // Taken up at the meeting, a request joins its topics (the one being worked on, w1, too).
    const taken = requestChoices(view, 'm-1', ['o1', 'w1', 't2']);
    expect(ids(taken.topics)).toEqual(['t1', 't2', 'o1', 'w1']);
    expect(ids(taken.others)).toEqual(['o2']);
  });
});
