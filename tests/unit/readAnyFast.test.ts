import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readUpdate } from '../../shared/rules/readUpdate.ts';
import { installReadAnyFast, readAnyFast, withValuesRead } from '../../shared/yjs/readAnyFast.ts';

let seed = 11;
const random = (n: number) => {
  seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
  return seed % n;
};
const words = [
  'id',
  'type',
  'request.raised',
  '2026-03-01',
  '3号楼',
  '楼道灯坏了',
  'a😀b',
  '\uFEFF',
  '',
  'x'.repeat(80),
];
const asciiString = () => String.fromCharCode(...Array.from({ length: random(70) }, () => 32 + random(95)));

/** Any JSON-like value lib0 can write, nested a few levels. */
function value(depth: number): unknown {
  switch (random(depth > 2 ? 8 : 10)) {
    case 0:
      return random(2) === 0 ? asciiString() : (words[random(words.length)] as string);
    case 1:
      return random(1_000_000) - 500_000;
    case 2:
      return random(1_000_000) / 7;
    case 3:
      return 1_767_225_600_000 + random(1_000_000);
    case 4:
      return random(2) === 0;
    case 5:
      return null;
    case 6:
      return undefined;
    case 7:
      return new Uint8Array([random(256), random(256)]);
    case 8:
      return Array.from({ length: random(4) }, () => value(depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: random(5) }, () => [
          random(2) ? asciiString() : words[random(words.length)],
          value(depth + 1),
        ]),
      );
  }
}

function written(values: unknown[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const v of values) encoding.writeAny(encoder, v as never);
  return encoding.toUint8Array(encoder);
}

describe('readAnyFast', () => {
  it('reads what lib0 writes exactly as lib0 reads it', () => {
    const values = Array.from({ length: 5_000 }, () => value(0));
    const bytes = written(values);
    const slow = decoding.createDecoder(bytes);
    const fast = decoding.createDecoder(bytes);
    const expected = values.map(() => decoding.readAny(slow));
    expect(values.map(() => readAnyFast(fast))).toEqual(expected);
    expect(fast.pos).toBe(bytes.length);
  });

  it('never mixes up short strings that share a cache slot', () => {
    const strings = Array.from({ length: 20_000 }, asciiString);
    const order = [...strings.keys(), ...[...strings.keys()].reverse()];
    const decoder = decoding.createDecoder(written(order.map((i) => strings[i])));
    expect(order.map(() => readAnyFast(decoder))).toEqual(order.map((i) => strings[i]));
  });

  it('fails on malformed input as lib0 does', () => {
    const truncated = written([{ title: 'abc', note: '楼道' }]).slice(0, -2);
    expect(() => readAnyFast(decoding.createDecoder(truncated))).toThrow();
    expect(() => decoding.readAny(decoding.createDecoder(truncated))).toThrow();
    const badUtf8 = new Uint8Array([119, 2, 0xc0, 0xaf]);
    expect(() => readAnyFast(decoding.createDecoder(badUtf8))).toThrow(TypeError);
  });

  it('leaves what Yjs reads unchanged once installed, in both update formats', () => {
    installReadAnyFast();
    const events = Array.from({ length: 200 }, (_, i) => ({
      id: `e${i}`,
      type: 'request.raised',
      title: '电梯异响',
      at: i,
    }));
    const doc = new Y.Doc();
    doc.getArray('events').push(events);
    for (const encode of [Y.encodeStateAsUpdate, Y.encodeStateAsUpdateV2]) {
      const copy = new Y.Doc();
      (encode === Y.encodeStateAsUpdate ? Y.applyUpdate : Y.applyUpdateV2)(copy, encode(doc));
      expect(copy.getArray('events').toJSON()).toEqual(events);
    }
  });

  it('lets Yjs take the values validation read from the same bytes, and only from them', () => {
    installReadAnyFast();
    const phone = new Y.Doc();
    const events = Array.from({ length: 20 }, (_, i) => ({ id: `e${i}`, title: `3号楼 ${i}`, n: i }));
    phone.getArray('events').push(events.slice(0, 10));
    phone.getArray('events').push(events.slice(10));
    const update = Y.encodeStateAsUpdate(phone);
    const parts = readUpdate(update, 1000);
    const read = parts.structs.flatMap((s) => (s.content?.kind === 'any' ? s.content.values : []));

    const doc = new Y.Doc();
    withValuesRead(update, parts.values, () => Y.applyUpdate(doc, update));
    const applied = doc.getArray('events').toArray();
    expect(applied).toEqual(events);
    // The very objects validation read: nothing was read twice.
    for (const [i, value] of applied.entries()) expect(value).toBe(read[i]);

    // Other bytes (a copy) are read as usual.
    const other = new Y.Doc();
    withValuesRead(update.slice(), parts.values, () => Y.applyUpdate(other, update.slice()));
    expect(other.getArray('events').toArray()).toEqual(events);
    expect(other.getArray('events').get(0)).not.toBe(read[0]);
  });
});
