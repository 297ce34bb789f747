import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lineAt } from '../../../client/domain/usePresence.ts';
import {
  applyChange,
  diffText,
  mapIndex,
  rebase,
  type TextChange,
  type TextDelta,
} from '../../../client/features/minutes/bindNotes.ts';
import { Prng } from '../../../shared/sample/Prng.ts';

const apply = (s: string, c: TextChange) => s.slice(0, c.index) + c.insert + s.slice(c.index + c.remove);

/** Two docs kept in sync by hand, as two phones through the relay. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const deltas: TextDelta[] = [];
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  a.getText('notes').observe((e, tr) => {
    if (tr.origin !== 'a') deltas.push(e.delta as TextDelta);
  });
  return { a, b, ta: a.getText('notes'), tb: b.getText('notes'), deltas, sync };
}

describe('diffText', () => {
  it('finds an insertion, a deletion and a replacement', () => {
    expect(diffText('今天开会', '今天下午开会', 4)).toEqual({ index: 2, remove: 0, insert: '下午' });
    expect(diffText('今天下午开会', '今天开会', 2)).toEqual({ index: 2, remove: 2, insert: '' });
    expect(diffText('路灯坏了', '路灯修好了', 4)).toEqual({ index: 2, remove: 1, insert: '修好' });
  });

  it('puts a repeated character where the caret says it was typed', () => {
    // "好好" -> "好好好" with the caret after the first: the new one is the second.
    expect(diffText('好好', '好好好', 2)).toEqual({ index: 1, remove: 0, insert: '好' });
    expect(diffText('好好', '好好好', 3)).toEqual({ index: 2, remove: 0, insert: '好' });
    expect(diffText('好好', '好好好', 1)).toEqual({ index: 0, remove: 0, insert: '好' });
  });

  it('never cuts a surrogate pair in two', () => {
    const c = diffText('a😀b', 'a😁b', 3);
    expect(c).toEqual({ index: 1, remove: 2, insert: '😁' });
  });

  it('turns any string into any other (seeded)', () => {
    const rng = new Prng(7);
    const alphabet = ['会', '议', '纪', '要', '\n', 'a', '😀', ' '];
    const word = () => Array.from({ length: rng.int(0, 8) }, () => alphabet[rng.int(0, alphabet.length - 1)]).join('');
    for (let i = 0; i < 500; i++) {
      const before = word();
      const after = word();
      const caret = rng.int(0, after.length);
      expect(apply(before, diffText(before, after, caret))).toBe(after);
    }
  });
});

describe('mapIndex', () => {
  it('moves past text inserted before it and stays before text inserted after it', () => {
    expect(mapIndex(5, [{ insert: '王阿姨：' }])).toBe(9);
    expect(mapIndex(5, [{ retain: 6 }, { insert: '……' }])).toBe(5);
  });

  it('stays before text inserted right at it unless asked to move past', () => {
    expect(mapIndex(3, [{ retain: 3 }, { insert: 'xy' }])).toBe(3);
    expect(mapIndex(3, [{ retain: 3 }, { insert: 'xy' }], true)).toBe(5);
  });

  it('moves back over a deletion before it and to its start when inside it', () => {
    expect(mapIndex(8, [{ retain: 2 }, { delete: 3 }])).toBe(5);
    expect(mapIndex(3, [{ retain: 2 }, { delete: 3 }])).toBe(2);
    expect(mapIndex(1, [{ retain: 2 }, { delete: 3 }])).toBe(1);
  });
});

describe('rebase: a composition committed after others typed', () => {
  it('places the committed text where it was typed while a peer typed above', () => {
    const { ta, tb, deltas, sync } = pair();
    ta.insert(0, '第一行\n第二行');
    sync();
    deltas.length = 0;
    const shadow = ta.toString();
    // A composes at the end of line 2; meanwhile B writes a new first line.
    const local = `${shadow}：停车`;
    tb.insert(0, '王阿姨：\n');
    sync();
    const change = diffText(shadow, local, local.length);
    const placed = rebase(change, local.length, deltas);
    applyChange(ta, placed.change, 'a');
    sync();
    expect(ta.toString()).toBe('王阿姨：\n第一行\n第二行：停车');
    expect(tb.toString()).toBe(ta.toString());
    // The caret stays after A's own words.
    expect(placed.caret).toBe(ta.toString().length);
  });

  it('keeps a caret before the change and one after it where they belong', () => {
    const change: TextChange = { index: 4, remove: 0, insert: '议事' };
    const deltas: TextDelta[] = [[{ insert: 'XX' }]];
    expect(rebase(change, 1, deltas).caret).toBe(3);
    expect(rebase(change, 6, deltas).caret).toBe(8);
    // Local text "abcd议事ef", caret after "e" (7): old index 5, after B's "XX" 7, plus A's 2.
    expect(rebase(change, 7, deltas).caret).toBe(9);
  });

  it('seeded: both phones end with both texts, whatever the others did meanwhile', () => {
    const rng = new Prng(42);
    for (let round = 0; round < 200; round++) {
      const { ta, tb, deltas, sync } = pair();
      ta.insert(0, '会议纪要：讨论停车和路灯。');
      sync();
      deltas.length = 0;
      const shadow = ta.toString();
      const at = rng.int(0, shadow.length);
      const local = `${shadow.slice(0, at)}甲说${shadow.slice(at)}`;
      for (let k = rng.int(1, 3); k > 0; k--) {
        const len = tb.length;
        if (rng.int(0, 2) === 0 && len > 2) {
          const from = rng.int(0, len - 2);
          tb.delete(from, 1);
        } else tb.insert(rng.int(0, len), '乙');
      }
      sync();
      const placed = rebase(diffText(shadow, local, at + 2), at + 2, deltas);
      applyChange(ta, placed.change, 'a');
      sync();
      expect(ta.toString()).toContain('甲说');
      expect(ta.toString().slice(placed.caret - 2, placed.caret)).toBe('甲说');
      expect(tb.toString()).toBe(ta.toString());
    }
  });
});

describe('lineAt', () => {
  it('counts lines from one', () => {
    expect(lineAt('一\n二\n三', 0)).toBe(1);
    expect(lineAt('一\n二\n三', 2)).toBe(2);
    expect(lineAt('一\n二\n三', 5)).toBe(3);
  });
});

describe('undo takes back only this phone’s typing', () => {
  it('leaves the peer’s text in place', () => {
    const { ta, tb, sync } = pair();
    const mine = { kind: 'local' };
    const undo = new Y.UndoManager(ta, { trackedOrigins: new Set([mine]) });
    applyChange(ta, { index: 0, remove: 0, insert: '甲的话。' }, mine);
    sync();
    tb.insert(0, '乙的话。');
    sync();
    undo.undo();
    sync();
    expect(ta.toString()).toBe('乙的话。');
    expect(tb.toString()).toBe('乙的话。');
  });
});
