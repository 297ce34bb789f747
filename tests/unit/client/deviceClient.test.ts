import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { claimDeviceClient, moveClient, presenceFollowsDoc, type TryHold } from '../../../client/sync/deviceClient.ts';
import { LocalCopy } from '../../../client/sync/LocalCopy.ts';

/** Locks held in this process, as a browser's lock manager holds them for one origin. */
function lockManager(): { tryHold: TryHold; held: Set<string> } {
  const held = new Set<string>();
  return {
    held,
    tryHold: async (name) => {
      if (held.has(name)) return undefined;
      held.add(name);
      return () => held.delete(name);
    },
  };
}

const copies: LocalCopy[] = [];
afterEach(async () => {
  for (const c of copies.splice(0)) await c.destroy();
});

/** A visit: the document loaded from its copy, as DocHandle opens it. */
async function visit(dbName: string): Promise<{ doc: Y.Doc; copy: LocalCopy }> {
  const doc = new Y.Doc();
  const copy = new LocalCopy(dbName, doc);
  copies.push(copy);
  await copy.loaded;
  return { doc, copy };
}

function claim(
  v: { doc: Y.Doc; copy: LocalCopy },
  locks: { tryHold: TryHold },
  extra: { memberId?: string; awareness?: Awareness; current?: () => boolean } = {},
) {
  return claimDeviceClient({
    doc: v.doc,
    awareness: extra.awareness,
    store: v.copy,
    dbName: 'db',
    memberId: extra.memberId ?? 'm-1',
    tryHold: locks.tryHold,
    current: extra.current ?? (() => true),
  });
}

/** Writers of a document's events: its client ids with at least one struct. */
const writers = (doc: Y.Doc) => [...doc.store.clients.keys()];

describe('one client id per device and document', () => {
  it('a first visit remembers its own id; the next visits write under it', async () => {
    const locks = lockManager();
    const first = await visit('visits');
    const id = first.doc.clientID;
    const release = await claim(first, locks);
    expect(release).toBeTypeOf('function');
    expect(first.doc.clientID).toBe(id);
    first.doc.getArray('events').push([{ id: 'a' }]);
    release!();
    await first.copy.destroy();

    for (const eventId of ['b', 'c']) {
      const next = await visit('visits');
      expect(next.doc.clientID).not.toBe(id);
      const r = await claim(next, locks);
      expect(next.doc.clientID).toBe(id);
      next.doc.getArray('events').push([{ id: eventId }]);
      r!();
      await next.copy.destroy();
    }

    const last = await visit('visits');
    expect(last.doc.getArray('events').toJSON()).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(writers(last.doc)).toEqual([id]);
    expect(Y.getState(last.doc.store, id)).toBe(3);
  });

  it('a second tab keeps its own id while the first holds the device’s, and remembers nothing', async () => {
    const locks = lockManager();
    const first = await visit('tabs');
    const id = first.doc.clientID;
    await claim(first, locks);

    const second = await visit('tabs');
    const own = second.doc.clientID;
    expect(await claim(second, locks)).toBeUndefined();
    expect(second.doc.clientID).toBe(own);
    expect(await second.copy.storedClient('m-1')).toBe(id);
  });

  it('keeps an id per member: another member on the same phone writes under another', async () => {
    const locks = lockManager();
    const a = await visit('members');
    const idA = a.doc.clientID;
    (await claim(a, locks, { memberId: 'm-a' }))!();
    await a.copy.destroy();

    const b = await visit('members');
    const idB = b.doc.clientID;
    (await claim(b, locks, { memberId: 'm-b' }))!();
    expect(b.doc.clientID).toBe(idB);
    expect(await b.copy.storedClient('m-a')).toBe(idA);
    expect(await b.copy.storedClient('m-b')).toBe(idB);
  });

  it('a copy closed while claiming moves nothing and lets go of the lock', async () => {
    const locks = lockManager();
    const first = await visit('closed');
    (await claim(first, locks))!();
    await first.copy.destroy();

    const next = await visit('closed');
    const own = next.doc.clientID;
    expect(await claim(next, locks, { current: () => false })).toBeUndefined();
    expect(next.doc.clientID).toBe(own);
    expect(locks.held.size).toBe(0);
  });

  it('presence follows the id: others see the member once, under the new id, though they knew it before', async () => {
    const doc = new Y.Doc();
    const mine = new Awareness(doc);
    const theirs = new Awareness(new Y.Doc());
    const relay = (update: Uint8Array) => applyAwarenessUpdate(theirs, update, 'relay');
    mine.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      relay(encodeAwarenessUpdate(mine, [...added!, ...updated!, ...removed!]));
    });
    // An earlier visit under 4242 changed its presence many times and left: its clock stays known.
    const earlier = new Awareness(new Y.Doc());
    earlier.clientID = 4242;
    for (let line = 0; line < 500; line++) earlier.setLocalState({ user: { name: '王阿姨' }, line });
    relay(encodeAwarenessUpdate(earlier, [4242]));
    earlier.setLocalState(null);
    relay(encodeAwarenessUpdate(earlier, [4242]));
    earlier.destroy();

    mine.setLocalStateField('user', { name: '王阿姨' });
    const old = doc.clientID;
    const others = () => [...theirs.getStates()].filter(([c]) => c !== theirs.clientID);
    expect(others()).toEqual([[old, { user: { name: '王阿姨' } }]]);

    moveClient(doc, mine, 4242);
    expect(doc.clientID).toBe(4242);
    expect(mine.clientID).toBe(4242);
    expect(mine.getLocalState()).toEqual({ user: { name: '王阿姨' } });
    expect(others()).toEqual([[4242, { user: { name: '王阿姨' } }]]);
    mine.setLocalStateField('user', { name: '王阿姨', line: 3 });
    expect(others()).toEqual([[4242, { user: { name: '王阿姨', line: 3 } }]]);
    mine.destroy();
    theirs.destroy();
  });

  it('presence follows when Yjs gives the document a new id because writes under its own came from elsewhere', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: '王阿姨' });
    const stop = presenceFollowsDoc(doc, awareness);
    const other = new Y.Doc();
    other.clientID = doc.clientID;
    other.getArray('events').push([{ id: 'elsewhere' }]);
    const before = doc.clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'relay');
    expect(doc.clientID).not.toBe(before);
    expect(awareness.clientID).toBe(doc.clientID);
    expect(awareness.getLocalState()).toEqual({ user: { name: '王阿姨' } });
    expect(awareness.getStates().has(before)).toBe(false);
    stop();
    awareness.destroy();
  });
});
