import { describe, expect, it, vi } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');

type Private = {
  onClosed(code: number, reason: string): void;
  storageFailed(e: unknown): void;
  decide(code: number): unknown;
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
    (h as unknown as Private).onClosed(4430, 'quota');
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

  it('a stop that came while a rate limit waited stays when the wait ends (no reconnect by itself)', async () => {
    const h = new DocHandle(offlineDoc('c-slot3'));
    await eventually(() => expect(h.loaded()).toBe(true));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      (h as unknown as Private).onClosed(4429, 'rate');
      expect(h.problem()).toMatchObject({ kind: 'waiting', code: 4429 });
      (h as unknown as Private).onClosed(4430, 'quota');
      vi.runAllTimers();
      expect(h.problem()?.kind).toBe('closed');
    } finally {
      vi.useRealTimers();
    }
    await h.destroy();
  });

  // The relay answers a phone's SyncStep1 before it checks the update its code failed on, so the
  // provider's back-off starts over at every connect: without this, a retry every ~200 ms for good.
  it('a relay that fails again (4500) makes the document wait longer each time, then try by itself', async () => {
    const h = new DocHandle(offlineDoc('c-slot4'));
    await eventually(() => expect(h.loaded()).toBe(true));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const p = h as unknown as Private;
      expect(p.decide(4500)).toBe('reconnect');
      expect(p.decide(4500)).toEqual({ wait: 30_000 });
      p.onClosed(4500, 'the relay failed on this message');
      expect(h.problem()).toMatchObject({ kind: 'waiting', code: 4500 });
      expect(p.decide(4500)).toEqual({ wait: 60_000 });
      // Ten quiet minutes later, a 4500 is a first one again.
      vi.advanceTimersByTime(11 * 60_000);
      expect(p.decide(4500)).toBe('reconnect');
    } finally {
      vi.useRealTimers();
    }
    await h.destroy();
  });
});
