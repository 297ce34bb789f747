import { describe, expect, it } from 'vitest';
import { foldEvents, meetingCadence } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const DAY = 86_400_000;
const t0 = Date.parse('2024-01-10T06:00:00Z');

describe('meetings', () => {
  it('moves a meeting scheduled again and keeps both cancellations, the earlier giving the reason', () => {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', { meetingId: 'm1', kind: 'little-stool', startsAt: t0, place: '3号楼下' });
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm1',
      kind: 'little-stool',
      startsAt: t0 + DAY,
      place: '3号楼下',
    });
    log.add('meeting.scheduled', 'comm1', { meetingId: 'm1', kind: 'council', startsAt: t0, place: 'x' });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '下雨' });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '停电' });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'm2', reason: '?' });
    const state = foldEvents(log.events);
    expect(state.meetings.meetings.m1).toMatchObject({
      startsAt: t0 + DAY,
      moves: 1,
      status: 'cancelled',
      cancelReason: '下雨',
    });
    expect(state.meetings.meetings.m1?.cancellations.map((c) => c.reason)).toEqual(['下雨', '停电']);
    expect(state.anomalies.map((a) => a.reason)).toEqual([
      { code: 'meeting_kind', meetingKind: 'little-stool' },
      { code: 'no_such', thing: 'meeting' },
    ]);
  });

  it("wants a three-party meeting within 92 days of the last and an owners' assembly within a year", () => {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', { meetingId: 'tp1', kind: 'three-party', startsAt: t0, place: '议事厅' });
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'tp2',
      kind: 'three-party',
      startsAt: t0 + 100 * DAY,
      place: '议事厅',
    });
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'tp3',
      kind: 'three-party',
      startsAt: t0 + 50 * DAY,
      place: '议事厅',
    });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'tp3', reason: '改期' });
    log.add('meeting.scheduled', 'comm1', { meetingId: 'oa1', kind: 'owners-assembly', startsAt: t0, place: '广场' });
    const state = foldEvents(log.events);
    const [threeParty, assembly] = meetingCadence(state, t0 + 60 * DAY);
    expect(threeParty).toMatchObject({
      kind: 'three-party',
      lastHeld: { meetingId: 'tp1' },
      dueBy: t0 + 92 * DAY,
      next: { meetingId: 'tp2' },
      overdue: false,
      nextIsLate: true,
    });
    expect(meetingCadence(state, t0 + 93 * DAY)[0]?.overdue).toBe(true);
    expect(meetingCadence(state, t0 + 101 * DAY)[0]).toMatchObject({ lastHeld: { meetingId: 'tp2' }, overdue: false });
    expect(assembly).toMatchObject({ kind: 'owners-assembly', dueBy: t0 + 365 * DAY, overdue: false });
  });

  it('flags a kind of meeting never held as overdue', () => {
    expect(meetingCadence(foldEvents([]), t0).every((c) => c.overdue && c.lastHeld === null)).toBe(true);
  });
});
