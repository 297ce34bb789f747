import { describe, expect, it, vi } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { downloads } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { LocalCopy } = await import('../../../client/sync/LocalCopy.ts');

const opts = (compoundId: string) => ({
  compoundId,
  docName: 'public',
  memberId: 'm1',
  ticket: async () => 'ticket',
  onFatal: () => undefined,
});
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
