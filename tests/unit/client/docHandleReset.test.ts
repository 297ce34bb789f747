import { describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually.ts';
import { downloads, offlineDoc } from './support/offlineBrowser.ts';

const { DocHandle } = await import('../../../client/sync/DocHandle.ts');

describe('a document reset after the relay refused it', () => {
  it('saves what was written while its copy was being deleted, in the files with the rest', async () => {
    const handle = new DocHandle(offlineDoc('c1'));
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
