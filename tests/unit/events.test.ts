import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { compileCheck } from '../../shared/events/compileCheck.ts';
import { EventId, ImageRef, Line, MeetingId, MemberId } from '../../shared/events/envelope.ts';
import type { EventType } from '../../shared/events/index.ts';
import { EventSchema, eventSchemas, eventTypes, parseEvent, schemaOf } from '../../shared/events/index.ts';
import { Day } from '../../shared/time.ts';
import { examplePayloads } from './support/exampleEvents.ts';
import { photo } from './support/TestLog.ts';

const envelope = { id: 'e1', at: Date.parse('2024-05-06T01:00:00Z'), by: 'res1' };
const example = (type: EventType, extra: Record<string, unknown> = {}) => ({
  ...envelope,
  type,
  ...examplePayloads[type],
  ...extra,
});
const accepts = (event: unknown) => v.safeParse(EventSchema, event).success;

describe('event schemas', () => {
  it('registers every type once, with dotted lowercase names', () => {
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    for (const type of eventTypes) expect(type).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
  });

  it.each(eventTypes)('accepts a valid %s', (type) => {
    expect(accepts(example(type))).toBe(true);
  });

  it.each(eventTypes)('refuses an unknown field on %s', (type) => {
    expect(accepts(example(type, { extra: 1 }))).toBe(false);
  });

  it.each(eventTypes)('refuses %s without its envelope', (type) => {
    const { by: _by, ...event } = example(type);
    expect(accepts(event)).toBe(false);
  });

  it('refuses an unknown type', () => {
    expect(schemaOf('request.deleted')).toBeUndefined();
    expect(parseEvent({ ...envelope, type: 'request.deleted' })).toMatchObject({ ok: false });
  });
});

describe('money is integer fen only', () => {
  const amounts: [string, unknown][] = [
    ['a float', 1200.5],
    ['a negative amount', -100],
    ['zero', 0],
    ['a string', '1200'],
    ['NaN', Number.NaN],
    ['a huge amount', 1e15],
  ];
  for (const type of ['ledger.income.recorded', 'ledger.expense.proposed'] as const) {
    it.each(amounts)(`refuses ${type} with %s`, (_, amount) => {
      expect(accepts(example(type, { amount }))).toBe(false);
    });
  }

  it('accepts one fen', () => {
    expect(accepts(example('ledger.income.recorded', { amount: 1 }))).toBe(true);
  });
});

describe('per-module field rules', () => {
  const refused: [EventType, Record<string, unknown>][] = [
    ['request.raised', { category: 'noise' }],
    ['request.raised', { title: '   ' }],
    ['request.raised', { title: 'x'.repeat(201) }],
    ['request.raised', { photos: Array(10).fill(photo) }],
    ['request.raised', { photos: ['not-a-hash'] }],
    ['request.raised', { meetingId: 'has space' }],
    ['request.classified', { priority: 'critical' }],
    ['request.tallied', { tally: { for: -1, against: 0, abstain: 0 } }],
    ['request.tallied', { tally: { for: 1.5, against: 0, abstain: 0 } }],
    ['request.tallied', { tally: { for: 1, against: 0 } }],
    ['request.voted', { choice: 'maybe' }],
    ['request.decided', { outcome: 'postponed' }],
    ['request.confirmed', { onPaper: { names: [], photos: [photo] } }],
    ['request.confirmed', { onPaper: { names: ['王秀英'], photos: [] } }],
    ['request.assigned', { deadline: '2024-02-30' }],
    ['request.assigned', { owner: { party: 'government' } }],
    ['request.assigned', { owner: { party: 'owners', memberId: 'res1' } }],
    ['request.rated', { stars: 6 }],
    ['request.rated', { stars: 0 }],
    ['request.rated', { stars: 4.5 }],
    ['roster.duty.created', { start: '25:00' }],
    ['roster.duty.created', { slots: 0 }],
    ['roster.checked-out', { minutes: 90.5 }],
    ['roster.checked-out', { minutes: 0 }],
    ['care.household.registered', { cadence: 'yearly' }],
    ['unit.registered', { area: 85.5 }],
    ['unit.registered', { area: 0 }],
    ['unit.registered', { owners: [] }],
    ['unit.registered', { owners: [{ name: '王芳', memberId: 'res1' }] }],
    ['points.rule.defined', { points: 2.5 }],
    ['points.goods.listed', { stock: -1 }],
    ['points.redeemed', { quantity: 0 }],
    ['points.awarded', { memberId: 'bad id!' }],
    ['ledger.fund.opened', { kind: 'slush' }],
    ['ledger.income.recorded', { source: 'lottery' }],
    ['ledger.income.recorded', { day: '2024/05/01' }],
    ['ledger.expense.approved', { party: 'none' }],
    ['practice.profile.registered', { tags: ['mayor'] }],
    ['meeting.scheduled', { kind: 'party' }],
    ['meeting.scheduled', { meetingId: 'x'.repeat(65) }],
    ['minutes.signed-in', { attendee: { name: '周主任' } }],
    ['minutes.signed-off', { party: 'none' }],
    ['member.joined', { role: 'mayor' }],
    // Ids are stored as text, where Postgres refuses NUL: no control character in any.
    ['request.raised', { id: 'x\u0000y' }],
    ['request.decided', { requestId: 'r\u0007' }],
    ['ledger.expense.approved', { expenseId: '\u007f' }],
  ];
  it.each(refused)('refuses %s with %j', (type, extra) => {
    expect(accepts(example(type, extra))).toBe(false);
  });
});

describe('compiled checks agree with valibot', () => {
  const mutations: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    'x',
    -1,
    0,
    1.5,
    1e20,
    Number.NaN,
    true,
    [],
    {},
    [photo],
    '2024-02-29',
  ];

  it('answers as valibot does for every example and many mutations of each field', () => {
    for (const schema of eventSchemas) {
      const check = compileCheck(schema);
      expect(check).toBeDefined();
      const type = schema.entries.type.literal;
      const base = example(type);
      const cases: unknown[] = [base, null, [], 'x'];
      for (const key of Object.keys(base)) for (const value of mutations) cases.push({ ...base, [key]: value });
      for (const c of cases) expect(check?.(c), `${type} ${JSON.stringify(c)}`).toBe(v.safeParse(schema, c).success);
    }
  });

  it('reads ids, hashes and lines character by character as valibot does', () => {
    // Control characters, DEL, spaces, id and hex characters, punctuation and text beyond ASCII.
    const alphabet = [
      '\u0000',
      '\u001f',
      '\u007f',
      ' ',
      '\t',
      'a',
      'f',
      'g',
      'Z',
      '0',
      '9',
      '_',
      '-',
      '.',
      ':',
      '号',
      '\u0080',
    ];
    const schemas = { EventId, MemberId, MeetingId, ImageRef, line: Line(40) };
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const strings = ['', 'a'.repeat(64), 'a'.repeat(65), 'f'.repeat(64), `${'0'.repeat(63)}g`, ' a ', '号'.repeat(41)];
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(next() * 70);
      const common = next() < 0.5 ? ['a', 'f', '0', '9', '_', '-'] : alphabet;
      strings.push(Array.from({ length }, () => common[Math.floor(next() * common.length)]).join(''));
    }
    for (const [name, schema] of Object.entries(schemas)) {
      const check = compileCheck(schema);
      expect(check, name).toBeDefined();
      for (const s of strings) expect(check?.(s), `${name} ${JSON.stringify(s)}`).toBe(v.safeParse(schema, s).success);
    }
  });

  it('tells calendar days as valibot does', () => {
    const check = compileCheck(Day);
    const days = ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '2024-04-31', '2024-12-31', '2024-13-01'];
    for (const day of [...days, '2024-00-10', '2024-01-00', '0000-01-01', '2024-1-01', '2024-01-1x', 20240101]) {
      expect(check?.(day), String(day)).toBe(v.safeParse(Day, day).success);
    }
  });
});
