import { describe, expect, it } from 'vitest';
import type { PublicView } from '../../../client/domain/PublicFold.ts';
import { splitMeetings } from '../../../client/features/meetings/selectors.ts';
import { clockLabel, dayLabel } from '../../../client/ui/dayLabel.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { TestLog } from '../support/TestLog.ts';

// 2026-12-05 16:00 in Asia/Shanghai, a Saturday.
const now = Date.parse('2026-12-05T08:00:00Z');

function view(): PublicView {
  const log = new TestLog();
  const meeting = (meetingId: string, startsAt: number) =>
    log.add('meeting.scheduled', 'comm1', { meetingId, kind: 'little-stool', startsAt, place: '3号楼下' });
  meeting('m-today', Date.parse('2026-12-05T11:00:00Z')); // 19:00 today
  meeting('m-morning', Date.parse('2026-12-05T01:00:00Z')); // 09:00 today
  meeting('m-past', Date.parse('2026-12-01T11:00:00Z'));
  meeting('m-next', Date.parse('2026-12-12T11:00:00Z'));
  return { compound: foldEvents(log.events) } as unknown as PublicView;
}

const ids = (ms: { meetingId: string }[]) => ms.map((m) => m.meetingId);

describe('the meetings list', () => {
  it('keeps a meeting of today under 即将召开 until its minutes are signed, then lists it as held', () => {
    expect(ids(splitMeetings(view(), now).upcoming)).toEqual(['m-morning', 'm-today', 'm-next']);
    const split = splitMeetings(view(), now, new Set(['m-morning']));
    expect(ids(split.upcoming)).toEqual(['m-today', 'm-next']);
    expect(ids(split.past)).toEqual(['m-morning', 'm-past']);
  });

  it('says the day with its weekday, and the time, in Asia/Shanghai', () => {
    expect(dayLabel('2026-12-05')).toBe('12月5日周六');
    expect(clockLabel(Date.parse('2026-12-05T11:00:00Z'))).toBe('19:00');
  });
});
