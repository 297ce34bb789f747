import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { TestLog } from './support/TestLog.ts';

const DAY = 86_400_000;
const t0 = Date.parse('2024-06-10T06:00:00Z');

function meeting() {
  const log = new TestLog();
  log.add('meeting.scheduled', 'comm1', { meetingId: 'm1', kind: 'three-party', startsAt: t0, place: '议事厅' });
  return log;
}

// A review (2026-12-04) found a cancellation beside another write folding by Yjs's order.
describe('meetings: cancelled on two committee phones offline with different reasons', () => {
  it('shows the earlier reason on every phone and keeps the other, whichever cancel Yjs puts first', () => {
    const log = meeting();
    const base = [...log.events];
    const a = log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '下雨' });
    const b = log.add('meeting.cancelled', 'own1', { meetingId: 'm1', reason: '主任出差' });
    const runs = everyMergeOrder(base, [
      { events: [b], member: owners },
      { events: [a], member: community },
    ]);
    for (const { state } of runs) {
      const m = state.meetings.meetings.m1;
      expect(m?.status).toBe('cancelled');
      expect(m?.cancelReason).toBe('下雨');
      expect(m?.cancellations.map((c) => c.reason)).toEqual(['下雨', '主任出差']);
      expect(state.anomalies).toEqual([]);
    }
  });
});

describe('meetings: moved on one phone while cancelled on another', () => {
  it('shows it cancelled, at the moved time and place, on every phone', () => {
    const log = meeting();
    const base = [...log.events];
    const move = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '3号楼下',
    });
    const cancel = log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '改期另议' });
    const runs = everyMergeOrder(base, [
      { events: [move], member: owners },
      { events: [cancel], member: community },
    ]);
    for (const { state } of runs) {
      const m = state.meetings.meetings.m1;
      expect([m?.status, m?.startsAt, m?.place, m?.moves]).toEqual(['cancelled', t0 + DAY, '3号楼下', 1]);
      expect(state.anomalies).toEqual([]);
    }
  });
});

describe('meetings: topics ordered on one phone while the meeting is cancelled on another', () => {
  it('holds the ordering on every phone', () => {
    const log = meeting();
    const base = [...log.events];
    const order = log.add('meeting.topics.ordered', 'own1', { meetingId: 'm1', requestIds: ['r2', 'r1'] });
    const cancel = log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '改期另议' });
    const runs = everyMergeOrder(base, [
      { events: [order], member: owners },
      { events: [cancel], member: community },
    ]);
    for (const { state } of runs) expect(state.meetings.meetings.m1?.topicOrder?.eventId).toBe(order.id);
  });
});

describe('meetings: two moves, one carrying a title', () => {
  it('takes the title from the latest move that carries one, in every log order', () => {
    const log = meeting();
    const [schedule] = log.events as [AppEvent];
    const withTitle = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
      title: '物业费调整',
    });
    const later = log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + 2 * DAY,
      place: '议事厅',
    });
    for (const events of [
      [schedule, withTitle, later],
      [schedule, later, withTitle],
    ]) {
      const m = foldEvents(events).meetings.meetings.m1;
      expect([m?.title, m?.startsAt, m?.moves]).toEqual(['物业费调整', t0 + 2 * DAY, 2]);
    }
  });

  it('keeps the later of two titles by (at, id) wherever each lands', () => {
    const log = meeting();
    const [schedule] = log.events as [AppEvent];
    const first = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
      title: '物业费',
    });
    const second = log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
      title: '物业费调整',
    });
    expect(foldEvents([schedule, first, second]).meetings.meetings.m1?.title).toBe('物业费调整');
    expect(foldEvents([schedule, second, first]).meetings.meetings.m1?.title).toBe('物业费调整');
  });
});
