import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually } from '../../helpers/eventually.ts';
import { downloads, offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');
const { EarlyWrites } = await import('../../../client/sync/earlyWrites.ts');
const { docsWithUnsent } = await import('../../../client/sync/unsentDocs.ts');

/** Two tabs of one compound on one phone: one IndexedDB database per document, two Y.Docs in memory. */
function tab(docName: string, compoundId: string) {
  return new DocHandle(offlineDoc(compoundId, docName));
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

describe('the unsent list when two tabs write to one document', () => {
  // A review found each tab saving its own list over the other's: "0 条修改未发送" after a reload.
  it('counts, after a reload, what both tabs wrote offline', async () => {
    const b = tab('minutes-m9', 'c-two-tabs');
    await eventually(() => expect(b.loaded()).toBe(true));
    const a = tab('minutes-m9', 'c-two-tabs');
    await eventually(() => expect(a.loaded()).toBe(true));
    a.append([{ id: 'a1', at: 1 }]);
    await eventually(() => expect(a.unsent()).toBe(1));
    await a.destroy();
    // Tab B writes after tab A was closed: its list is saved beside tab A's, not over it.
    b.append([{ id: 'b1', at: 2 }]);
    await eventually(() => expect(b.unsent()).toBe(1));
    await b.destroy();
    expect(docsWithUnsent('c-two-tabs')).toContain('minutes-m9');
    const reloaded = tab('minutes-m9', 'c-two-tabs');
    await eventually(() => expect(reloaded.loaded()).toBe(true));
    expect(reloaded.events().length).toBe(2);
    // Both writes are unsent (offline all along): "2 条修改未发送".
    expect(reloaded.unsent()).toBe(2);
    await reloaded.destroy();
  });

  it('counts another tab’s offline writes once this tab is shown again', async () => {
    const b = tab('public', 'c-two-tabs-shown');
    await eventually(() => expect(b.loaded()).toBe(true));
    const a = tab('public', 'c-two-tabs-shown');
    await eventually(() => expect(a.loaded()).toBe(true));
    a.append([{ id: 'a1', at: 1 }]);
    await eventually(() => expect(a.unsent()).toBe(1));
    await a.destroy();
    expect(b.unsent()).toBe(0);
    // The member switches back to tab B.
    document.dispatchEvent(new Event('visibilitychange'));
    await eventually(() => expect(b.unsent()).toBe(1));
    expect(b.events().toJSON()).toEqual([{ id: 'a1', at: 1 }]);
    await b.destroy();
    // Still listed for the next start: its entry is tab B's to send now, and B sent nothing.
    expect(docsWithUnsent('c-two-tabs-shown')).toContain('public');
  });
});
