import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeRows, mergeTail } from '../../../sync-server/relay/mergeRows.ts';
import { RowMerger } from '../../../sync-server/relay/RowMerger.ts';

/** Rows as a room stores them: one update per event, each a few hundred bytes. */
function rows(n: number, from = new Y.Doc()): { doc: Y.Doc; rows: Uint8Array[] } {
  const out: Uint8Array[] = [];
  const listen = (u: Uint8Array) => void out.push(u);
  from.on('update', listen);
  for (let i = 0; i < n; i++)
    from.getArray('events').push([{ id: `e${i}`, type: 'request.raised', title: `第${i}件事` }]);
  from.off('update', listen);
  return { doc: from, rows: out };
}

describe('RowMerger', () => {
  it('merges on its worker exactly what the relay thread would, and says what a full merge holds', async () => {
    const merger = new RowMerger();
    try {
      const { doc, rows: all } = rows(600);
      const full = await merger.merge(all, 'full');
      expect(full.merged).toEqual(mergeRows(all));
      expect(full.covers).toEqual(Y.encodeStateVector(doc));
      const tail = rows(300, doc).rows;
      const merged = await merger.merge(tail, 'tail');
      expect(merged.merged).toEqual(mergeTail(tail));
      expect(merged.covers).toBeUndefined();
      expect(merger.merged).toBe(2);
    } finally {
      await merger.close();
    }
  });

  it('a crashed worker loses no merge: what it held and every merge after run in the relay thread', async () => {
    const errors: unknown[] = [];
    const merger = new RowMerger((e) => errors.push(e));
    const all = rows(2000).rows;
    // Started, so the next merge is sent to it; then it dies with that merge unanswered.
    await merger.merge(all.slice(0, 10), 'full');
    const pending = merger.merge(all, 'full');
    await merger.crash();
    expect((await pending).merged).toEqual(mergeRows(all));
    expect(errors).toHaveLength(1);
    expect((await merger.merge(all.slice(0, 5), 'full')).merged).toEqual(mergeRows(all.slice(0, 5)));
    expect(merger.merged).toBe(1);
    await merger.close();
  });
});
