import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../helpers/eventually.ts';
import { downloads } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { EarlyWrites } = await import('../../../client/sync/earlyWrites.ts');

/** Two tabs of one compound on one phone: one IndexedDB database per document, two Y.Docs in memory. */
function tab(docName: string, compoundId: string) {
  return new DocHandle({
    compoundId,
    docName,
    memberId: 'm1',
    ticket: async () => 'ticket',
    onFatal: () => undefined,
  });
}

describe('a reset in one tab while another tab wrote offline', () => {
  // A review found the files made from the resetting tab's doc alone, then the database deleted.
  it('keeps what the other tab stored (offline, unsent) in the files it saves before deleting the copy', async () => {
    const b = tab('public', 'c-reset');
    await eventually(() => expect(b.loaded()).toBe(true));
    // Tab A is opened later, writes offline and is closed: its write is only in IndexedDB.
    const a = tab('public', 'c-reset');
    await eventually(() => expect(a.loaded()).toBe(true));
    a.append([{ id: 'written-in-tab-a', at: 1 }]);
    await a.destroy();
    // Tab B writes something the relay refuses (or the member taps "reset local copy").
    b.append([{ id: 'written-in-tab-b', at: 2 }]);
    const before = downloads.length;
    await b.resetFromRelay(4422, 'causal_rule: refused');
    const problem = b.problem();
    if (problem?.kind !== 'recovered') throw new Error(`expected a recovered copy, got ${problem?.kind}`);
    expect(downloads.length - before).toBe(2);
    const saved = JSON.parse(await problem.copy.json.text()) as { events: { id: string }[] };
    // The database (which held tab A's write) is gone now; the files are the only place left for it.
    expect(saved.events.map((e) => e.id).sort()).toEqual(['written-in-tab-a', 'written-in-tab-b']);
    await b.destroy();
  });

  it('keeps what a tab still loading its copy wrote (kept only in localStorage so far)', async () => {
    const b = tab('public', 'c-reset-early');
    await eventually(() => expect(b.loaded()).toBe(true));
    // Tab A opened after B loaded and wrote before its own copy loaded: its early-write key holds it.
    const other = new Y.Doc();
    other.getArray('events').push([{ id: 'early-in-tab-a', at: 1 }]);
    new EarlyWrites('c-reset-early', 'public', '00000000-0000-4000-8000-00000000000a').keep([
      Y.encodeStateAsUpdate(other),
    ]);
    b.append([{ id: 'written-in-tab-b', at: 2 }]);
    await b.resetFromRelay(4422, 'causal_rule: refused');
    const problem = b.problem();
    if (problem?.kind !== 'recovered') throw new Error(`expected a recovered copy, got ${problem?.kind}`);
    const saved = JSON.parse(await problem.copy.json.text()) as { events: { id: string }[] };
    expect(saved.events.map((e) => e.id).sort()).toEqual(['early-in-tab-a', 'written-in-tab-b']);
    await b.destroy();
  });
});
