import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RejectReason, RuleError } from '../../shared/errors.ts';
import { type ValidationLimits, validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { type Content, type ForgedStruct, forgeUpdate } from '../helpers/forgeUpdate.ts';
import { owners, resident } from './support/members.ts';

const X = 0x5eed;
const Z = 0x7777;
let seq = 0;
const event = (by = resident.memberId) => ({
  id: `v-${++seq}`,
  type: 'request.raised',
  at: 1_700_000_000_000,
  by,
  title: '路灯坏了',
  category: 'lighting',
});
const signedIn = () => ({
  id: `s-${++seq}`,
  type: 'minutes.signed-in',
  at: 1_700_000_000_000,
  by: owners.memberId,
  attendee: { memberId: owners.memberId, party: 'owners' },
});

/** The reason validation refuses an update for, or 'accepted'. */
function verdict(doc: Y.Doc, update: Uint8Array, kind: 'public' | 'minutes' = 'public', limits?: ValidationLimits) {
  try {
    validateUpdate(doc, update, kind === 'public' ? resident : owners, kind, limits);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return e.reason;
  }
}

const any = (): Content => ({ any: [event()] });
function chain(n: number, content: () => Content, parent = 'events', client = X): ForgedStruct[] {
  const structs: ForgedStruct[] = [{ parent, content: content() }];
  for (let i = 1; i < n; i++) structs.push({ origin: [client, i - 1], content: content() });
  return structs;
}

/** A document holding `update`, as the relay would after accepting it. */
function holding(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('validateUpdate refuses what Yjs could not apply as judged', () => {
  it('an origin further on in its own client is unresolved', () => {
    const u = forgeUpdate([{ client: X, clock: 0, structs: [{ origin: [X, 1], content: any() }, { content: any() }] }]);
    expect(verdict(new Y.Doc(), u)).toBe(RejectReason.Unresolved);
  });

  it('an origin pointing into its own item is unresolved', () => {
    const u = forgeUpdate([
      { client: X, clock: 0, structs: [{ origin: [X, 0], content: { any: [event(), event()] } }] },
    ]);
    expect(verdict(new Y.Doc(), u)).toBe(RejectReason.Unresolved);
  });

  it('origins that go round between two clients are unresolved', () => {
    const u = forgeUpdate([
      { client: X, clock: 0, structs: [{ origin: [Z, 1], content: any() }, { content: any() }] },
      { client: Z, clock: 0, structs: [{ origin: [X, 1], content: any() }, { content: any() }] },
    ]);
    expect(verdict(new Y.Doc(), u)).toBe(RejectReason.Unresolved);
  });

  it('origins into another client of the same update are fine when they do not go round', () => {
    const u = forgeUpdate([
      { client: X, clock: 0, structs: [{ origin: [Z, 1], content: any() }] },
      { client: Z, clock: 0, structs: chain(2, any, 'events', Z) },
    ]);
    expect(verdict(new Y.Doc(), u)).toBe('accepted');
  });

  it('a struct past the known clock is unresolved, also after a skip', () => {
    expect(verdict(new Y.Doc(), forgeUpdate([{ client: X, clock: 1, structs: [{ content: any() }] }]))).toBe(
      RejectReason.Unresolved,
    );
    const skipped = forgeUpdate([
      { client: X, clock: 0, structs: [{ content: any() }, { skip: 1 }, { content: any() }] },
    ]);
    expect(verdict(new Y.Doc(), skipped)).toBe(RejectReason.Unresolved);
  });

  it('a skip over clocks the document holds is fine', () => {
    const doc = holding(forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [event(), event()] } }] }]));
    const u = forgeUpdate([{ client: X, clock: 0, structs: [{ skip: 2 }, { origin: [X, 1], content: any() }] }]);
    expect(verdict(doc, u)).toBe('accepted');
  });

  it('a client in two groups, an empty struct and a clock past 2^32 are malformed', () => {
    const twice = forgeUpdate([
      { client: X, clock: 0, structs: [{ content: any() }] },
      { client: X, clock: 1, structs: [{ origin: [X, 0], content: any() }] },
    ]);
    expect(verdict(new Y.Doc(), twice)).toBe(RejectReason.Malformed);
    const empty = forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [] } }] }]);
    expect(verdict(new Y.Doc(), empty)).toBe(RejectReason.Malformed);
    const far = forgeUpdate([
      { client: X, clock: 0, structs: [{ parent: 'notes', content: { deleted: 2 ** 32 + 1 } }] },
    ]);
    expect(verdict(new Y.Doc(), far, 'minutes')).toBe(RejectReason.Malformed);
  });

  it('delete ranges that overlap, go backwards, are empty or reach past what is known are refused', () => {
    const doc = holding(
      forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'abcdef' } }] }]),
    );
    const del = (ranges: [number, number][]) => verdict(doc, forgeUpdate([], [{ client: X, ranges }]), 'minutes');
    expect(
      del([
        [0, 2],
        [4, 1],
      ]),
    ).toBe('accepted');
    expect(
      del([
        [0, 3],
        [2, 1],
      ]),
    ).toBe(RejectReason.Malformed);
    expect(
      del([
        [4, 1],
        [0, 1],
      ]),
    ).toBe(RejectReason.Malformed);
    expect(del([[1, 0]])).toBe(RejectReason.Malformed);
    expect(del([[5, 2]])).toBe(RejectReason.Unresolved);
  });

  it('a known clock with other content is malformed, the same content is fine', () => {
    const first = event();
    const doc = holding(forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: [first] } }] }]));
    const again = (values: unknown[]) =>
      forgeUpdate([{ client: X, clock: 0, structs: [{ content: { any: values } }] }]);
    expect(verdict(doc, again([{ ...first, title: '改了' }, event()]))).toBe(RejectReason.Malformed);
    expect(verdict(doc, again([first, event()]))).toBe('accepted');
    const asText = forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'zz' } }] }]);
    expect(verdict(doc, asText, 'minutes')).toBe(RejectReason.Malformed);
  });

  it('the new part of a partly known item must continue an item in the same place', () => {
    const doc = holding(forgeUpdate([{ client: X, clock: 0, structs: [{ gc: 1 }] }]));
    const over = forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: 'ab' } }] }]);
    expect(verdict(doc, over, 'minutes')).toBe(RejectReason.Malformed);
  });

  it('an item right of a GC struct in an event log is refused, in minutes it is garbage', () => {
    const doc = holding(forgeUpdate([{ client: Z, clock: 0, structs: [{ gc: 1 }] }]));
    const next = forgeUpdate([{ client: X, clock: 0, structs: [{ origin: [Z, 0], content: { any: [signedIn()] } }] }]);
    expect(verdict(doc, next, 'minutes')).toBe('accepted');
    expect(
      verdict(doc, forgeUpdate([{ client: X, clock: 0, structs: [{ rightOrigin: [Z, 0], content: any() }] }])),
    ).toBe(RejectReason.Unresolved);
  });

  it('a "__proto__" key in a value, at any depth, is refused: decoding would make it the prototype', () => {
    // JSON.parse keeps "__proto__" as an own key, which encodes; decoding assigns it, which sets the
    // prototype: the checks would read the fields it holds, and any re-encoding would drop them.
    const hidden = JSON.parse(
      `{"id":"p-1","type":"request.raised","at":1700000000000,"by":"${resident.memberId}","__proto__":{"title":"路灯坏了","category":"lighting"}}`,
    );
    const deep = { ...event(), detail: [JSON.parse('{"__proto__":null}')] };
    const append = (value: unknown) =>
      forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'events', content: { any: [value] } }] }]);
    expect(verdict(new Y.Doc(), append(hidden))).toBe(RejectReason.BadContent);
    expect(verdict(new Y.Doc(), append(deep))).toBe(RejectReason.BadContent);
    // The same fields as the event's own: fine.
    expect(verdict(new Y.Doc(), append({ ...event(), id: 'p-1' }))).toBe('accepted');
  });

  it('more structs than the cap, or more new event-log items, are too large', () => {
    const limits = { maxStructs: 100, maxEventStructs: 10 };
    const text = forgeUpdate([{ client: X, clock: 0, structs: chain(101, () => ({ string: 'a' }), 'notes') }]);
    expect(verdict(new Y.Doc(), text, 'minutes', limits)).toBe(RejectReason.TooLarge);
    const ranges = Array.from({ length: 101 }, (_, i) => [2 * i, 1] as [number, number]);
    expect(verdict(new Y.Doc(), forgeUpdate([], [{ client: X, ranges }]), 'minutes', limits)).toBe(
      RejectReason.TooLarge,
    );
    expect(
      verdict(new Y.Doc(), forgeUpdate([{ client: X, clock: 0, structs: chain(11, any) }]), 'public', limits),
    ).toBe(RejectReason.TooLarge);
    expect(
      verdict(new Y.Doc(), forgeUpdate([{ client: X, clock: 0, structs: chain(10, any) }]), 'public', limits),
    ).toBe('accepted');
  });

  it('a 50,000-item chain is judged in one pass, without recursion', () => {
    const u = forgeUpdate([{ client: X, clock: 0, structs: chain(50_000, () => ({ string: 'a' }), 'notes') }]);
    const doc = new Y.Doc();
    const v = validateUpdate(doc, u, owners, 'minutes', { maxStructs: 50_000, maxEventStructs: 1 });
    expect(v.changed).toBe(true);
  });
});

describe('a resident in a minutes document', () => {
  const asResident = (doc: Y.Doc, update: Uint8Array) => {
    try {
      validateUpdate(doc, update, resident, 'minutes');
      return 'accepted';
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      return e.message.includes('notes are read-only') ? `${e.reason} (notes)` : e.reason;
    }
  };
  const ownSignIn = () => ({
    ...signedIn(),
    by: resident.memberId,
    attendee: { memberId: resident.memberId, party: 'none' },
  });

  it('appends their own sign-in', () => {
    const u = forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'events', content: { any: [ownSignIn()] } }] }]);
    expect(asResident(new Y.Doc(), u)).toBe('accepted');
  });

  it('may not insert, delete or garbage-collect notes text', () => {
    const text = forgeUpdate([{ client: X, clock: 0, structs: [{ parent: 'notes', content: { string: '改' } }] }]);
    expect(asResident(new Y.Doc(), text)).toBe(`${RejectReason.ReadOnly} (notes)`);
    const doc = holding(
      forgeUpdate([{ client: Z, clock: 0, structs: [{ parent: 'notes', content: { string: 'ab' } }] }]),
    );
    expect(asResident(doc, forgeUpdate([], [{ client: Z, ranges: [[0, 1]] }]))).toBe(
      `${RejectReason.ReadOnly} (notes)`,
    );
    expect(asResident(new Y.Doc(), forgeUpdate([{ client: X, clock: 0, structs: [{ gc: 2 }] }]))).toBe(
      `${RejectReason.ReadOnly} (notes)`,
    );
  });
});
