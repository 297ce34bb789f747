import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, shanghaiDayStart } from '../../shared/time.ts';

describe('a stored day in words', () => {
  it('reads as formatDate shows the day in Chinese and in English', () => {
    expect(formatDay('2026-12-19')).toBe('2026年12月19日');
    expect(formatDay('2026-12-19', 'zh-CN')).toBe('2026年12月19日');
    expect(formatDay('2026-12-19', 'en')).toBe('Dec 19, 2026');
    expect(formatDay('2026-12-19', 'en-GB')).toBe('19 Dec 2026');
  });

  it('keeps the day itself although its Shanghai start falls on the UTC day before', () => {
    // 2027-01-01 00:00 in Shanghai is 2026-12-31 16:00 UTC.
    expect(formatDay('2027-01-01')).toBe('2027年1月1日');
    expect(formatDay('2027-01-01', 'en-GB')).toBe('1 Jan 2027');
  });

  it('matches formatDate of any time on that day', () => {
    const start = shanghaiDayStart('2026-03-05');
    expect(formatDay('2026-03-05', 'en-GB')).toBe(formatDate(start + 23 * 3600_000, 'en-GB'));
  });
});
