import * as Y from 'yjs';
import { foldEvents } from '../../shared/folds/foldEvents.ts';
import { foldMinutes } from '../../shared/folds/foldMinutes.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { FuzzCompound, FuzzDoc } from './FuzzCompound.ts';
import type { FuzzStats } from './FuzzStats.ts';
import type { FuzzTarget } from './runFuzz.ts';

const foldOf = (doc: FuzzDoc, events: readonly unknown[]) =>
  canonicalJson(doc.minutes ? foldMinutes(events) : foldEvents(events));

/**
 * The relay's fold (of what its storage holds, loaded as the relay loads a room) equals the
 * mirror's and every honest client's own fold, and so does the minutes text.
 */
export async function checkFolds(
  target: FuzzTarget,
  compound: FuzzCompound,
  stats: FuzzStats,
  fail: (what: string) => never,
): Promise<void> {
  stats.checks++;
  for (const doc of compound.docs) {
    const stored = new Y.Doc();
    const updates = await target.storedUpdates(doc.room);
    stored.transact(() => {
      for (const u of updates) Y.applyUpdate(stored, u);
    });
    if (stored.store.pendingStructs || stored.store.pendingDs)
      fail(`the store of ${doc.name} holds updates that cannot apply`);
    const events = stored.getArray('events').toArray();
    const notes = stored.getText('notes').toString();
    stats.events[doc.minutes ? 'minutes' : 'public'] = events.length;
    const relay = foldOf(doc, events);
    if (foldOf(doc, doc.view.events.toArray()) !== relay)
      fail(`the mirror's fold of ${doc.name} differs from the store's`);
    const mirrored = doc.view.notes.toString();
    if (mirrored !== notes)
      fail(`the mirror's notes of ${doc.name} differ from the store's: ${whereDiffer(mirrored, notes)}`);
    for (const seat of doc.seats) {
      const { client, fold } = seat.honest;
      const mine = fold ? canonicalJson(fold.state) : foldOf(doc, client.events.toArray());
      if (mine !== relay) fail(`${seat.member.name}'s fold of ${doc.name} differs from the relay's`);
      if (client.doc.getText('notes').toString() !== notes)
        fail(`${seat.member.name}'s notes of ${doc.name} differ from the relay's`);
    }
    stored.destroy();
  }
}

/** Where two texts part: their lengths and a few characters around the first difference. */
function whereDiffer(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `lengths ${a.length} and ${b.length}, first difference at ${i}: ${JSON.stringify(a.slice(i, i + 20))} vs ${JSON.stringify(b.slice(i, i + 20))}`;
}
