import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';

// Just enough of a browser for a document handle in Node: offline, so its relay link never
// connects, and a link element whose click records the file it would download.
const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, document: g.document, location: g.location };
const navigatorWas = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
const downloads: string[] = [];
g.window = new EventTarget();
Object.defineProperty(globalThis, 'navigator', { value: { onLine: false }, configurable: true, writable: true });
g.location = { origin: 'http://localhost', pathname: '/' };
g.document = {
  createElement: () => {
    const a = { download: '', href: '', click: () => downloads.push(a.download), remove: () => undefined };
    return a;
  },
  body: { append: () => undefined },
};
URL.createObjectURL = () => 'blob:copy';
URL.revokeObjectURL = () => undefined;
const { DocHandle } = await import('../../../client/sync/DocHandle.ts');

afterAll(() => {
  Object.assign(g, saved);
  if (navigatorWas) Object.defineProperty(globalThis, 'navigator', navigatorWas);
});

describe('a document reset after the relay refused it', () => {
  it('saves what was written while its copy was being deleted, in the files with the rest', async () => {
    const handle = new DocHandle({
      compoundId: 'c1',
      docName: 'public',
      memberId: 'm1',
      ticket: async () => 'ticket',
      onFatal: () => undefined,
    });
    await eventually(() => expect(handle.loaded()).toBe(true));
    handle.append([{ id: 'unsent' }]);
    const resetting = handle.resetFromRelay(4422, 'causal_rule: refused');
    // The member taps "submit" while the copy closes and its database is deleted.
    await Promise.resolve();
    handle.append([{ id: 'during-reset' }]);
    await resetting;
    const problem = handle.problem();
    if (problem?.kind !== 'recovered') throw new Error(`expected a recovered copy, got ${problem?.kind}`);
    const saved = JSON.parse(await problem.copy.json.text()) as { events: { id: string }[] };
    expect(saved.events.map((e) => e.id)).toEqual(['unsent', 'during-reset']);
    expect(downloads).toHaveLength(2);
    await handle.destroy();
  });
});
