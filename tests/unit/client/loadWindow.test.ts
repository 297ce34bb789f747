import { describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { CompoundSession } = await import('../../../client/sync/CompoundSession.ts');

const opts = (compoundId: string) => offlineDoc(compoundId);

async function seed(compoundId: string, n: number) {
  const h = new DocHandle(opts(compoundId));
  await eventually(() => expect(h.loaded()).toBe(true));
  for (let i = 0; i < n; i += 500)
    h.append(Array.from({ length: 500 }, (_, j) => ({ id: `old-${i + j}`, text: 'x'.repeat(50) })));
  await h.destroy();
}

/**
 * On a slow phone the screens show (the kept first screen) before the stored copy is read, and a
 * write is taken at once. y-indexeddb stores it only once the copy has loaded: leaving the
 * compound, or closing the document, within that window must not lose it.
 */
describe('a write made while the IndexedDB copy is still loading', () => {
  it('survives the document being closed before the load ends', async () => {
    await seed('c-load', 2_000);
    const first = new DocHandle(opts('c-load'));
    first.append([{ id: 'typed-while-loading' }]);
    expect(first.unsent()).toBe(1);
    // The member leaves the compound (switch) while the copy is still being read.
    expect(first.loaded()).toBe(false);
    await first.destroy();
    const again = new DocHandle(opts('c-load'));
    await eventually(() => expect(again.loaded()).toBe(true));
    const ids = (again.events().toJSON() as { id: string }[]).map((e) => e.id);
    expect(ids).toContain('typed-while-loading');
    await again.destroy();
  });

  it('survives the compound session being destroyed before the load ends', async () => {
    await seed('c-load2', 2_000);
    const account = {
      compoundId: 'c-load2',
      compoundName: 'x',
      memberId: 'm1',
      name: 'n',
      role: 'resident' as const,
      party: 'owners' as const,
      token: 't',
      addedAt: 0,
    };
    const s = new CompoundSession(account);
    s.doc('public').append([{ id: 'raised-at-once' }]);
    expect(s.doc('public').loaded()).toBe(false);
    s.destroy();
    // The session's documents close in the background: read the stored copy until the write is there.
    await eventually(async () => {
      const again = new DocHandle(opts('c-load2'));
      await eventually(() => expect(again.loaded()).toBe(true));
      const ids = (again.events().toJSON() as { id: string }[]).map((e) => e.id);
      await again.destroy();
      expect(ids).toContain('raised-at-once');
    });
  });

  it('survives the app being closed before the load ends, and reaches IndexedDB at the next visit', async () => {
    await seed('c-load3', 2_000);
    const first = new DocHandle(opts('c-load3'));
    first.append([{ id: 'typed-then-closed' }]);
    expect(first.loaded()).toBe(false);
    // The app is closed: no more of its JavaScript runs, so the load never ends and y-indexeddb never
    // stores the write (its destroyed flag is what stops its pending work, as a dead page would).
    (first as unknown as { local: { persistence: { _destroyed: boolean } } }).local.persistence._destroyed = true;
    const keptKeys = () => {
      const keys: string[] = [];
      for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i)!);
      return keys.filter((k) => k.includes(':early:c-load3:'));
    };
    expect(keptKeys()).toHaveLength(1);
    const idsOf = (h: InstanceType<typeof DocHandle>) => (h.events().toJSON() as { id: string }[]).map((e) => e.id);
    const next = new DocHandle(opts('c-load3'));
    await eventually(() => expect(next.loaded()).toBe(true));
    expect(idsOf(next)).toContain('typed-then-closed');
    expect(idsOf(next).filter((id) => id === 'typed-then-closed')).toHaveLength(1);
    await next.destroy();
    // The visit after finds the write in IndexedDB and forgets the kept copy.
    const third = new DocHandle(opts('c-load3'));
    await eventually(() => expect(third.loaded()).toBe(true));
    expect(idsOf(third)).toContain('typed-then-closed');
    expect(keptKeys()).toEqual([]);
    await third.destroy();
  });
});
