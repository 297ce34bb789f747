import './support/offlineBrowser.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocProblem } from '../../../client/sync/DocHandle.ts';
import { eventually } from '../../helpers/eventually.ts';

const { CLOSE_CHECK_MS, CompoundSession } = await import('../../../client/sync/CompoundSession.ts');

describe('a meeting’s minutes reset after the page that held them was left', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stay open, their problem shown, until the member has read it; then they close', async () => {
    const session = new CompoundSession({
      compoundId: 'c1',
      compoundName: '幸福里',
      memberId: 'own1',
      name: '张主任',
      role: 'committee',
      party: 'owners',
      token: 'token',
      addedAt: 0,
    });
    // The checks for a document to close run on an interval: advanced by hand, not waited for.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const name = 'minutes-m1';
    const held = session.hold(name);
    const handle = held.handle;
    await eventually(() => expect(handle.loaded()).toBe(true));
    // Notes typed offline, then the member leaves the meeting's page.
    handle.append([{ id: 'typed-offline' }]);
    held.release();
    // Back online, the relay refuses them (the minutes were locked meanwhile): the copy is reset.
    await handle.resetFromRelay(4422, 'causal_rule: minutes locked');
    expect(handle.unsent()).toBe(0);
    // Three checks pass.
    vi.advanceTimersByTime(3 * CLOSE_CHECK_MS);
    // Still open, with the problem the banner shows (its list is read from the open documents).
    expect(session.doc(name)).toBe(handle);
    expect(handle.problem()?.kind).toBe<DocProblem['kind']>('recovered');
    handle.dismissProblem();
    vi.advanceTimersByTime(CLOSE_CHECK_MS);
    // Closed: asking for the document again opens another handle.
    expect(session.doc(name)).not.toBe(handle);
    session.destroy();
  }, 20_000);
});
