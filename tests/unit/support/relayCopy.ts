import * as Y from 'yjs';
import type { AppEvent } from '../../../shared/events/index.ts';
import type { Member } from '../../../shared/roles.ts';
import type { DocKind } from '../../../shared/rooms.ts';
import { CausalGuard } from '../../../shared/rules/CausalGuard.ts';

/**
 * The relay's copy of a document holding `base`, with its causal guard, and phones that each start
 * from it and write offline. `send` brings one phone's writes to the relay as the relay checks an
 * update: the guard before, Yjs's apply, the guard after (it throws what the relay would refuse).
 */
export function relayCopy(base: readonly AppEvent[], kind: DocKind = 'public') {
  const seed = new Y.Doc();
  seed.clientID = 1;
  seed.getArray('events').push([...base]);
  const start = Y.encodeStateAsUpdate(seed);
  const relay = new Y.Doc();
  relay.clientID = 2;
  Y.applyUpdate(relay, start);
  const guard = new CausalGuard(relay, kind);
  const phone = (clientID: number, from: Y.Doc = seed) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, from === seed ? start : Y.encodeStateAsUpdate(from));
    return doc;
  };
  const send = (doc: Y.Doc, events: AppEvent[], member: Member) => {
    const validation = { events, notes: false, clients: [doc.clientID] };
    guard.before(validation, member);
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(relay)));
    guard.after(validation, member);
  };
  const events = () => relay.getArray('events').toArray() as AppEvent[];
  return { relay, phone, send, events };
}
