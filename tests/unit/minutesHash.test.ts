import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes } from '../../shared/folds/index.ts';
import { checkPaper, groupHash, minutesHash, normalizeHash } from '../../shared/minutesHash.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { linearExtension } from './support/linearExtension.ts';
import { minutesThroughRelay } from './support/minutesThroughRelay.ts';

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

/**
 * Hashes of 60 meetings' minutes taken by one relay in turn (seed 20261205), worked out by the
 * fold before sign-offs were settled by the set of events rather than the log's order: minutes
 * signed before then must hash as they did, or their printed papers stop verifying.
 */
const pinned = [
  'f16fec9a7ee0',
  '3a56ebdd2998',
  '616edd1613ce',
  'b874b8ac3a4a',
  '8a4f8f8a13e9',
  '0bfc66929d0c',
  'f2b45d360dbf',
  '5087b98daf1b',
  'c9515372e9c3',
  'f4f88dec1a30',
  'b0ecbf3a193d',
  '6072791aabed',
  'e81e65e9dc61',
  'f33980c586df',
  '28ffb4d40881',
  '83b5e5b5c328',
  'b9e40ae39dd7',
  '6a39b55e2264',
  '289ffcbd6c1f',
  'c47c75bc86a0',
  'cf225fd76fa9',
  '9cfee76b0876',
  '68cd3ca66986',
  'f5fdc801328e',
  'bca964839eb2',
  '5766970e3c96',
  '65bbe4645bd7',
  '4862484907e6',
  '25e958983fec',
  'd676be85ff8f',
  '3ac85cb30b08',
  '5465ea2a4e7d',
  'b52470ec81b1',
  'adb5c8fb38a0',
  '2e0dd7b9ba10',
  '0201ef85269c',
  '5caf0645d8bb',
  '8238872914e8',
  '37151475eb53',
  '7036449f67cc',
  '56012243749c',
  '3692298b8b50',
  '67eaf1de8867',
  '35be7c7b9e3d',
  '4849e85d0890',
  '3174dbe1750f',
  '20bfc6a7a882',
  '7b2636fa0fa2',
  '86054b4828fd',
  '6ec9ad652f1a',
  'c48b8a74c7f2',
  '8898cb9bc155',
  '64abea5ded66',
  '7805bfb340a7',
  '76784b811975',
  'c4a9f7964670',
  '37aecf74d1b3',
  '7240f9a24f3e',
  'd808ed6e8caa',
  '490b1feb9091',
];

describe('minutes taken by one relay in turn', () => {
  it('hash as they did before sign-ins and sign-offs were settled by the set of events', () => {
    const rng = new Prng(20261205);
    const hashes = pinned.map(() => minutesHash('mtg1', foldMinutes(minutesThroughRelay(rng, rng.int(8, 40))), '记录'));
    expect(hashes).toEqual(pinned);
  });
});
