import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MergeScope, RowLayout } from '../../sync-server/storage/Storage.ts';
import { eventUpdates as updates, useStorages } from '../helpers/useStorages.ts';

/** The compaction part of the storage contract, run against every storage implementation. */
const { implementations } = useStorages();

function eventsOf(rows: Uint8Array[]): unknown[] {
  const doc = new Y.Doc();
  for (const u of rows) Y.applyUpdate(doc, u);
  return doc.getArray('events').toJSON();
}

for (const [name, open] of implementations) {
  describe(`${name} storage compaction`, () => {
    it('compaction merges what was stored and keeps what was appended after it', async () => {
      const s = await open();
      const all = updates(10);
      for (const u of all.slice(0, 6)) await s.docs.append('r', u);
      const result = await s.docs.compact('r', (us) => {
        // An update that arrives while the merge runs must land after the merged row.
        void s.docs.append('r', all[6]!);
        return Y.mergeUpdates([...us]);
      });
      expect(result).toEqual({ before: 6, after: 1 });
      for (const u of all.slice(7)) await s.docs.append('r', u);
      expect(eventsOf(await s.docs.load('r'))).toEqual(Array.from({ length: 10 }, (_, i) => ({ i })));
      expect(await s.docs.count('r')).toBe(5);
      await s.close();
    });

    it('a merge that answers later (on a worker) replaces the rows it read; appends meanwhile stay after it', async () => {
      const s = await open();
      const all = updates(10);
      for (const u of all.slice(0, 6)) await s.docs.append('r', u);
      let answer: () => void = () => undefined;
      const compacted = s.docs.compact('r', (us) => {
        const read = [...us];
        return new Promise<Uint8Array>((resolve) => {
          answer = () => resolve(Y.mergeUpdates(read));
        });
      });
      await new Promise((r) => setTimeout(r, 0));
      for (const u of all.slice(6, 8)) await s.docs.append('r', u);
      answer();
      expect(await compacted).toEqual({ before: 6, after: 1 });
      for (const u of all.slice(8)) await s.docs.append('r', u);
      const rows = await s.docs.load('r');
      expect(rows).toHaveLength(5);
      expect(eventsOf(rows)).toEqual(Array.from({ length: 10 }, (_, i) => ({ i })));
      await s.close();
    });

    if (name === 'sqlite')
      it('a late merge whose rows were merged meanwhile fails and replaces nothing', async () => {
        const s = await open();
        const all = updates(8);
        for (const u of all.slice(0, 6)) await s.docs.append('r', u);
        let answer: () => void = () => undefined;
        const late = s.docs.compact('r', (us) => {
          const read = [...us];
          return new Promise<Uint8Array>((resolve) => {
            answer = () => resolve(Y.mergeUpdates(read.slice(0, 2)));
          });
        });
        await new Promise((r) => setTimeout(r, 0));
        expect(await s.docs.compact('r', (us) => Y.mergeUpdates([...us]))).toEqual({ before: 6, after: 1 });
        for (const u of all.slice(6)) await s.docs.append('r', u);
        answer();
        await expect(late).rejects.toThrow(/changed/);
        const rows = await s.docs.load('r');
        expect(rows).toHaveLength(3);
        expect(eventsOf(rows)).toEqual(Array.from({ length: 8 }, (_, i) => ({ i })));
        await s.close();
      });

    it('a batched read loses nothing when the room is compacted between two batches', async () => {
      const s = await open();
      const all = updates(9);
      for (const u of all.slice(0, 6)) await s.docs.append('r', u);
      const doc = new Y.Doc();
      let compacted = false;
      for await (const batch of s.docs.loadBatches('r', 2)) {
        for (const u of batch) Y.applyUpdate(doc, u);
        if (compacted) continue;
        compacted = true;
        await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
        for (const u of all.slice(6)) await s.docs.append('r', u);
      }
      expect(doc.getArray('events').toJSON()).toEqual(Array.from({ length: 9 }, (_, i) => ({ i })));
      await s.close();
    });

    it('compaction takes a merge that reads none of the rows, and the room stays usable', async () => {
      const s = await open();
      const all = updates(5);
      for (const u of all.slice(0, 4)) await s.docs.append('r', u);
      const live = new Y.Doc();
      for (const u of all.slice(0, 4)) Y.applyUpdate(live, u);
      expect(await s.docs.compact('r', () => Y.encodeStateAsUpdate(live))).toEqual({ before: 4, after: 1 });
      await s.docs.append('r', all[4]!);
      const doc = new Y.Doc();
      for await (const batch of s.docs.loadBatches('r', 10)) for (const u of batch) Y.applyUpdate(doc, u);
      expect(doc.getArray('events').toJSON()).toEqual(Array.from({ length: 5 }, (_, i) => ({ i })));
      expect(await s.docs.count('r')).toBe(2);
      await s.close();
    });

    it('a tail merge replaces only the rows since the last merge and keeps the merged row before it', async () => {
      const s = await open();
      const all = updates(7);
      for (const u of all.slice(0, 4)) await s.docs.append('r', u);
      await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
      const [base] = await s.docs.load('r');
      for (const u of all.slice(4)) await s.docs.append('r', u);
      const seen: { layout?: RowLayout; scope?: MergeScope; rows?: Uint8Array[] } = {};
      const result = await s.docs.compact(
        'r',
        (us, scope) => {
          Object.assign(seen, { scope, rows: [...us] });
          return Y.mergeUpdates(seen.rows!);
        },
        (layout) => {
          seen.layout = layout;
          return 'tail';
        },
      );
      expect(result).toEqual({ before: 4, after: 2 });
      const freshBytes = all.slice(4).reduce((n, u) => n + u.byteLength, 0);
      expect(seen).toEqual({
        layout: { merged: [base!.byteLength], fresh: 3, freshBytes },
        scope: 'tail',
        rows: all.slice(4),
      });
      const stored = await s.docs.load('r');
      expect(stored).toEqual([base, Y.mergeUpdates(all.slice(4))]);
      expect(eventsOf(stored)).toEqual(Array.from({ length: 7 }, (_, i) => ({ i })));
      await s.close();
    });

    it('rows appended while a tail merge runs stay after it, and the next tail merges only them', async () => {
      const s = await open();
      const all = updates(8);
      for (const u of all.slice(0, 3)) await s.docs.append('r', u);
      await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
      for (const u of all.slice(3, 6)) await s.docs.append('r', u);
      const tail = () => 'tail' as const;
      await s.docs.compact(
        'r',
        (us) => {
          void s.docs.append('r', all[6]!);
          return Y.mergeUpdates([...us]);
        },
        tail,
      );
      await s.docs.append('r', all[7]!);
      const stored = await s.docs.load('r');
      expect(stored.slice(2)).toEqual(all.slice(6));
      let layout: RowLayout | undefined;
      let merged: Uint8Array[] = [];
      await s.docs.compact(
        'r',
        (us) => {
          merged = [...us];
          return Y.mergeUpdates(merged);
        },
        (l) => {
          layout = l;
          return 'tail';
        },
      );
      expect(layout?.merged).toHaveLength(2);
      expect(merged).toEqual(all.slice(6));
      expect(eventsOf(await s.docs.load('r'))).toEqual(Array.from({ length: 8 }, (_, i) => ({ i })));
      expect(await s.docs.count('r')).toBe(3);
      await s.close();
    });

    it('a full merge folds the merged rows and the rows since into one', async () => {
      const s = await open();
      const all = updates(6);
      for (const u of all.slice(0, 2)) await s.docs.append('r', u);
      await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
      for (const u of all.slice(2, 4)) await s.docs.append('r', u);
      await s.docs.compact(
        'r',
        (us) => Y.mergeUpdates([...us]),
        () => 'tail',
      );
      for (const u of all.slice(4)) await s.docs.append('r', u);
      const before = await s.docs.load('r');
      let given: { rows: Uint8Array[]; scope: MergeScope } | undefined;
      const result = await s.docs.compact(
        'r',
        (us, scope) => {
          given = { rows: [...us], scope };
          return Y.mergeUpdates(given.rows);
        },
        () => 'full',
      );
      expect(result).toEqual({ before: 4, after: 1 });
      expect(given).toEqual({ rows: before, scope: 'full' });
      expect(eventsOf(await s.docs.load('r'))).toEqual(Array.from({ length: 6 }, (_, i) => ({ i })));
      await s.close();
    });

    it('a plan that says null changes nothing; a room never compacted has no merged row; its only row becomes one', async () => {
      const s = await open();
      const all = updates(3);
      const merge = () => {
        throw new Error('nothing to merge');
      };
      for (const u of all.slice(0, 2)) await s.docs.append('r', u);
      const layouts: RowLayout[] = [];
      const seen = (l: RowLayout) => {
        layouts.push(l);
        return null;
      };
      expect(await s.docs.compact('r', merge, seen)).toEqual({ before: 2, after: 2 });
      expect(layouts[0]).toMatchObject({ merged: [], fresh: 2 });
      await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
      await s.docs.append('r', all[2]!);
      // One row in the scope: nothing to merge.
      expect(await s.docs.compact('r', merge, () => 'tail')).toEqual({ before: 2, after: 2 });
      const single = await open();
      await single.docs.append('r', all[0]!);
      expect(await single.docs.compact('r', merge, () => 'full')).toEqual({ before: 1, after: 1 });
      await single.docs.append('r', all[1]!);
      await single.docs.compact('r', merge, seen);
      expect(layouts.at(-1)).toMatchObject({ merged: [all[0]!.byteLength], fresh: 1 });
      await Promise.all([s.close(), single.close()]);
    });

    it('a batched read loses nothing when a tail merge runs between two batches', async () => {
      const s = await open();
      const all = updates(10);
      for (const u of all.slice(0, 3)) await s.docs.append('r', u);
      await s.docs.compact('r', (us) => Y.mergeUpdates([...us]));
      for (const u of all.slice(3, 7)) await s.docs.append('r', u);
      const doc = new Y.Doc();
      let compacted = false;
      for await (const batch of s.docs.loadBatches('r', 2)) {
        for (const u of batch) Y.applyUpdate(doc, u);
        if (compacted) continue;
        compacted = true;
        await s.docs.compact(
          'r',
          (us) => Y.mergeUpdates([...us]),
          () => 'tail',
        );
        for (const u of all.slice(7)) await s.docs.append('r', u);
      }
      expect(doc.getArray('events').toJSON()).toEqual(Array.from({ length: 10 }, (_, i) => ({ i })));
      await s.close();
    });
  });
}
