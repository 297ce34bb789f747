import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { utf8TextDecoder } from 'lib0/string';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { installAsciiFastPath } from '../../../client/sync/installAsciiFastPath.ts';

installAsciiFastPath();
const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const bytes = (...b: number[]) => new Uint8Array(b);

describe('installAsciiFastPath', () => {
  it('decodes as the native decoder does: ASCII, Chinese, emoji, a BOM, long text', () => {
    expect(utf8TextDecoder && Object.hasOwn(utf8TextDecoder, 'decode')).toBe(true);
    const samples = [
      '',
      'id',
      'request.raised',
      '2026-03-01',
      '3号楼',
      '楼道灯坏了',
      'a😀b',
      '\uFEFFx',
      'x'.repeat(65),
    ];
    for (const s of samples) {
      const encoded = new TextEncoder().encode(s);
      expect(utf8TextDecoder?.decode(encoded)).toBe(reference.decode(encoded));
    }
    const all = bytes(...Array.from({ length: 64 }, (_, i) => i), 0x7f);
    expect(utf8TextDecoder?.decode(all.subarray(0, 64))).toBe(reference.decode(all.subarray(0, 64)));
  });

  it('never mixes up strings that share a cache slot', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff;
      return seed;
    };
    const strings = Array.from({ length: 20_000 }, () =>
      String.fromCharCode(...Array.from({ length: random() % 65 }, () => 32 + (random() % 95))),
    );
    const encoded = strings.map((s) => new TextEncoder().encode(s));
    const order = [...strings.keys(), ...[...strings.keys()].reverse()];
    expect(order.map((i) => utf8TextDecoder?.decode(encoded[i]))).toEqual(order.map((i) => strings[i]));
  });

  it('still refuses malformed UTF-8', () => {
    for (const bad of [bytes(0x61, 0xff), bytes(0xc0, 0xaf), bytes(0xe6, 0xa5), bytes(0xed, 0xa0, 0x80)]) {
      expect(() => utf8TextDecoder?.decode(bad)).toThrow(TypeError);
    }
  });

  it('reads back what Yjs and lib0 wrote', () => {
    const events = [{ id: 'e1', type: 'request.raised', title: '电梯异响', at: 1_767_225_600_000, tags: ['a', 'b'] }];
    const doc = new Y.Doc();
    doc.getArray('events').push(events);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(copy.getArray('events').toJSON()).toEqual(events);

    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, 'plain ascii');
    encoding.writeVarString(encoder, '混合 mixed');
    const decoder = decoding.createDecoder(encoding.toUint8Array(encoder));
    expect([decoding.readVarString(decoder), decoding.readVarString(decoder)]).toEqual(['plain ascii', '混合 mixed']);
  });
});
