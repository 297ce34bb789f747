import { describe, expect, it, vi } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { downloads, offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { LocalCopy } = await import('../../../client/sync/LocalCopy.ts');

const opts = (compoundId: string) => offlineDoc(compoundId);
const ids = (h: InstanceType<typeof DocHandle>) => (h.events().toJSON() as { id: string }[]).map((e) => e.id);

describe('a reset whose database cannot be deleted (IndexedDB fails: UnknownError, a blocked delete...)', () => {
  // A review found the document closed for good: writes neither stored, counted nor sent, and no word.
  it('opens the copy again, says the storage failed, and stores, counts and keeps what is written next', async () => {
    const h = new DocHandle(opts('c-reset-fails'));
    await eventually(() => expect(h.loaded()).toBe(true));
    h.append([{ id: 'unsent', at: 1 }]);
    const before = downloads.length;
    const clear = vi.spyOn(LocalCopy, 'clear').mockRejectedValueOnce(new DOMException('disk', 'UnknownError'));
    await h.resetFromRelay(4422, 'causal_rule: refused');
    clear.mockRestore();
    expect(downloads.length - before).toBe(0);
    expect(h.loaded()).toBe(true);
    expect(h.storageProblem()?.detail).toContain('UnknownError');
    // The member goes on writing.
    h.append([{ id: 'after-failed-reset', at: 2 }]);
    expect(h.unsent()).toBe(2);
    await h.destroy();
    const again = new DocHandle(opts('c-reset-fails'));
    await eventually(() => expect(again.loaded()).toBe(true));
    expect(ids(again)).toEqual(['unsent', 'after-failed-reset']);
    expect(again.unsent()).toBe(2);
    await again.destroy();
  });
});

describe('"重置本机副本" tapped twice while the reset runs (the stop banner stays up until it ends)', () => {
  // A review found two resets: four files, and a second fresh doc left behind.
  it('resets once: one pair of files, and a write made after it is stored and counted', async () => {
    const h = new DocHandle(opts('c-double-reset'));
    await eventually(() => expect(h.loaded()).toBe(true));
    h.append([{ id: 'before', at: 1 }]);
    const before = downloads.length;
    const first = h.resetFromRelay(4422, 'refused');
    const second = h.resetFromRelay(4422, 'refused');
    await Promise.all([first, second]);
    await eventually(() => expect(h.loaded()).toBe(true));
    h.append([{ id: 'after', at: 2 }]);
    expect(h.unsent()).toBe(1);
    const files = downloads.length - before;
    await h.destroy();
    const again = new DocHandle(opts('c-double-reset'));
    await eventually(() => expect(again.loaded()).toBe(true));
    expect(ids(again)).toEqual(['after']);
    await again.destroy();
    expect(files).toBe(2);
  });
});
