import * as Y from 'yjs';

/** What this phone wrote into the minutes that the relay does not hold: notes text and events. */
export interface LateWork {
  notes: string;
  events: { type: string; text: string }[];
}

/**
 * The part of a saved copy the relay never took: notes characters and events whose Yjs ids lie
 * past the relay's state vector (`relayVector`, from the copy reloaded after the refusal).
 */
export function lateWork(savedState: Uint8Array, relayVector: Uint8Array): LateWork {
  const saved = new Y.Doc();
  Y.applyUpdate(saved, savedState);
  const known = Y.decodeStateVector(relayVector);
  const unseen = (item: { id: Y.ID; length: number }) => item.id.clock + item.length > (known.get(item.id.client) ?? 0);
  const from = (item: { id: Y.ID }) => Math.max(0, (known.get(item.id.client) ?? 0) - item.id.clock);

  let notes = '';
  for (let n = saved.getText('notes')._start; n; n = n.right as Y.Item | null) {
    if (!n.deleted && n.content instanceof Y.ContentString && unseen(n)) notes += n.content.str.slice(from(n));
  }
  const events: LateWork['events'] = [];
  for (let n = saved.getArray('events')._start; n; n = n.right as Y.Item | null) {
    if (n.deleted || !unseen(n)) continue;
    for (const raw of n.content.getContent().slice(from(n))) {
      const e = raw as { type?: unknown; text?: unknown; note?: unknown };
      const text = typeof e.text === 'string' ? e.text : typeof e.note === 'string' ? e.note : '';
      if (typeof e.type === 'string' && text) events.push({ type: e.type, text });
    }
  }
  saved.destroy();
  return { notes: notes.trim(), events };
}
