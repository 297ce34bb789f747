import { describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');

type Private = {
  relay: { closed(code: number, reason: string): void };
  storageFailed(e: unknown): void;
};

/**
 * A document has one problem slot. What the relay said (a stop, a reset with its saved files) and
 * what IndexedDB said (quota) are different things the member must both learn; one must not hide
 * the other. A review found a storage failure replacing both, and the rate limit's retry clearing them.
 */
describe('a storage failure after the relay stopped or reset a document', () => {
  it('does not replace the stop (banner with retry/reset, and no silent reconnect)', async () => {
    const h = new DocHandle(offlineDoc('c-slot'));
    await eventually(() => expect(h.loaded()).toBe(true));
    h.append([{ id: 'unsent', at: 1 }]);
    // The day's quota is used up: the relay stops the document (4430 -> 'stop').
    (h as unknown as Private).relay.closed(4430, 'quota');
    expect(h.problem()?.kind).toBe('closed');
    // Saving the unsent list then fails (the phone's storage is full).
    (h as unknown as Private).storageFailed(new DOMException('full', 'QuotaExceededError'));
    expect(h.storageProblem()?.detail).toContain('QuotaExceededError');
    // The stop is still what the document says (its banner, and mayReconnect stays false).
    expect(h.problem()?.kind).toBe('closed');
    await h.destroy();
  });

  it('does not replace the "your copy was reset, files saved" dialog before the member saw it', async () => {
    const h = new DocHandle(offlineDoc('c-slot2'));
    await eventually(() => expect(h.loaded()).toBe(true));
    h.append([{ id: 'refused', at: 1 }]);
    await h.resetFromRelay(4422, 'refused');
    expect(h.problem()?.kind).toBe('recovered');
    (h as unknown as Private).storageFailed(new DOMException('full', 'QuotaExceededError'));
    expect(h.problem()?.kind).toBe('recovered');
    await h.destroy();
  });
});
