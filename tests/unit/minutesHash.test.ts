import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes } from '../../shared/folds/index.ts';
import { checkPaper, groupHash, minutesHash, normalizeHash } from '../../shared/minutesHash.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { linearExtension } from './support/linearExtension.ts';

const sample = generateCompound({ seed: 5, scale: 'demo' });
const held = Object.entries(sample.minutes as unknown as Record<string, AppEvent[]>);
const locked = held.filter(([, events]) => foldMinutes(events).locked);
const notes = '开场：王阿姨主持。\n一、东门停车。';

function amendment(after: AppEvent[], id: string, note: string): AppEvent {
  const last = Math.max(...after.map((e) => e.at));
  const by = after.find((e) => e.type === 'minutes.signed-off')?.by ?? 'm1';
  return { id, type: 'minutes.amended', at: last + 60_000, by, note } as AppEvent;
}

describe('the canonical hash of signed minutes', () => {
  it('is the same for every causal order of a meeting’s minutes events', () => {
    expect(locked.length).toBeGreaterThan(2);
    const rng = new Prng(41);
    for (const [meetingId, events] of locked) {
      const want = minutesHash(meetingId, foldMinutes(events), notes);
      expect(want).toMatch(/^[0-9a-f]{12}$/);
      for (let run = 0; run < 30; run++) {
        expect(minutesHash(meetingId, foldMinutes(linearExtension(events, rng)), notes)).toBe(want);
      }
    }
  });

  it('changes with an amendment, with the notes text and with the meeting', () => {
    const [meetingId, events] = locked[0]!;
    const before = minutesHash(meetingId, foldMinutes(events), notes);
    const amended = [...events, amendment(events, 'amend-1', '更正：停车位是12个。')];
    expect(minutesHash(meetingId, foldMinutes(amended), notes)).not.toBe(before);
    expect(minutesHash(meetingId, foldMinutes(events), `${notes}。`)).not.toBe(before);
    expect(minutesHash(locked[1]![0], foldMinutes(events), notes)).not.toBe(before);
  });

  it('tells a paper printed before amendments which amendments came since', () => {
    const [meetingId, events] = locked[0]!;
    const printed = groupHash(minutesHash(meetingId, foldMinutes(events), notes));
    expect(printed).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
    expect(checkPaper(meetingId, foldMinutes(events), notes, printed)).toEqual({ kind: 'matches', amendedSince: [] });
    const first = [...events, amendment(events, 'amend-1', '更正一')];
    const second = [...first, amendment(first, 'amend-2', '更正二')];
    const check = checkPaper(meetingId, foldMinutes(second), notes, printed);
    expect(check.kind).toBe('matches');
    expect(check.kind === 'matches' && check.amendedSince.map((a) => a.note)).toEqual(['更正一', '更正二']);
    // A paper printed after the first amendment only misses the second.
    const later = minutesHash(meetingId, foldMinutes(first), notes);
    const since = checkPaper(meetingId, foldMinutes(second), notes, later.toUpperCase());
    expect(since.kind === 'matches' && since.amendedSince.map((a) => a.note)).toEqual(['更正二']);
  });

  it('says a paper does not match when the notes differ, and that unlocked minutes are not a signed copy', () => {
    const [meetingId, events] = locked[0]!;
    const printed = minutesHash(meetingId, foldMinutes(events), notes);
    expect(checkPaper(meetingId, foldMinutes(events), `${notes}多一句`, printed)).toEqual({ kind: 'no_match' });
    const unsigned = events.filter((e) => e.type !== 'minutes.signed-off');
    expect(checkPaper(meetingId, foldMinutes(unsigned), notes, printed)).toEqual({ kind: 'not_locked' });
    expect(normalizeHash(' AB12-cd34 ef56 ')).toBe('ab12cd34ef56');
  });
});
