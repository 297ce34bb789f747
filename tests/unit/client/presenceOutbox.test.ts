import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PRESENCE_SEND_MS, PresenceOutbox } from '../../../client/domain/presenceOutbox.ts';
import { AwarenessLimit } from '../../../sync-server/limits/AwarenessLimit.ts';

/** A phone's awareness, recording every frame the stock provider would send (each local update). */
function phone() {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const frames: Uint8Array[] = [];
  awareness.on('update', (_: unknown, origin: unknown) => {
    if (origin !== 'local') return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [awareness.clientID]));
    frames.push(encoding.toUint8Array(e));
  });
  return { doc, awareness, frames };
}

/** A caret as the binding reports it, at `index` of `text`, as JSON. */
function caret(text: Y.Text, index: number) {
  const rel = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, -1));
  return { anchor: rel, head: rel };
}

const user = { id: 'a-member-id-of-twenty-two', name: '张'.repeat(60), party: 'owners' as const, colour: 3 };

afterEach(() => {
  vi.useRealTimers();
});

describe('the presence a phone sends while its member types', () => {
  it('goes at most once a second, the newest caret and keystroke last', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { doc, awareness, frames } = phone();
    frames.length = 0;
    const box = new PresenceOutbox(awareness);
    box.set({ user, at: null, typing: null, away: false }, true);
    const text = doc.getText('notes');
    // Ten seconds of typing, a keystroke every 100 ms.
    for (let i = 0; i < 100; i++) {
      vi.advanceTimersByTime(100);
      text.insert(i, '字');
      box.set({ at: caret(text, i + 1) });
      box.set({ typing: Date.now() });
    }
    vi.advanceTimersByTime(PRESENCE_SEND_MS);
    // One at the start and about one a second after: far from the hundred keystrokes.
    expect(frames.length).toBeLessThanOrEqual(1 + 10 + 1);
    const last = awareness.getLocalState() as { typing: number; at: { head: unknown } };
    expect(last.typing).toBe(Date.now() - PRESENCE_SEND_MS);
    expect(last.at.head).toEqual(caret(text, 100).head);
    box.destroy();
    doc.destroy();
  });

  it('says at once that the member left the notes or the app', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { doc, awareness, frames } = phone();
    const box = new PresenceOutbox(awareness);
    box.set({ user, at: null, typing: null, away: false }, true);
    vi.advanceTimersByTime(PRESENCE_SEND_MS);
    box.set({ typing: Date.now() });
    const before = frames.length;
    box.set({ at: null, typing: null }, true);
    box.set({ away: true }, true);
    expect(frames.length).toBe(before + 2);
    expect(awareness.getLocalState()).toMatchObject({ typing: null, away: true });
    // Nothing changed: no frame.
    box.set({ away: true }, true);
    expect(frames.length).toBe(before + 2);
    box.destroy();
    doc.destroy();
  });

  it('stays far inside the relay’s cap on a state: a 60-character name and a caret in under 1 KiB', () => {
    const { doc, awareness, frames } = phone();
    const box = new PresenceOutbox(awareness);
    const text = doc.getText('notes');
    text.insert(0, '今天讨论停车。'.repeat(500));
    box.set({ user, at: caret(text, 3000), typing: Date.now(), away: false }, true);
    const state = new TextEncoder().encode(JSON.stringify(awareness.getLocalState()));
    expect(state.byteLength).toBeLessThan(1024);
    const room = new Awareness(new Y.Doc());
    expect(new AwarenessLimit().check(frames.at(-1)!, room)).toBeUndefined();
    box.destroy();
    doc.destroy();
  });
});
