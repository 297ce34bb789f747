import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateUpdate } from '../../shared/rules/validateUpdate.ts';
import { owners, resident } from './support/members.ts';

let seq = 0;
const raised = () => ({
  id: `x-${++seq}`,
  type: 'request.raised',
  at: 1_700_000_000_000,
  by: resident.memberId,
  title: '路灯坏了',
  category: 'lighting',
});

/** A phone and the relay's copy of its document, in step. */
function inStep(): { phone: Y.Doc; relay: Y.Doc } {
  const phone = new Y.Doc();
  phone.getArray('events').push([raised(), raised()]);
  const relay = new Y.Doc();
  Y.applyUpdate(relay, Y.encodeStateAsUpdate(phone));
  return { phone, relay };
}

/** The update a phone's next transaction emits. */
function nextUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | undefined;
  const listen = (u: Uint8Array) => {
    update = u;
  };
  doc.on('update', listen);
  doc.transact(change);
  doc.off('update', listen);
  return update!;
}

describe('an update is exact when its bytes are the whole change it makes', () => {
  it("a phone's next append is exact, and applied as received it is what Yjs would have encoded", () => {
    const { phone, relay } = inStep();
    const update = nextUpdate(phone, () => phone.getArray('events').push([raised()]));
    expect(validateUpdate(relay, update, resident, 'public').exact).toBe(true);
    let encoded: Uint8Array | undefined;
    relay.on('update', (u: Uint8Array) => {
      encoded = u;
    });
    Y.applyUpdate(relay, update);
    const fromReceived = new Y.Doc();
    const fromEncoded = new Y.Doc();
    Y.applyUpdate(fromReceived, update);
    Y.applyUpdate(fromEncoded, encoded!);
    expect(Y.encodeStateVector(fromReceived)).toEqual(Y.encodeStateVector(fromEncoded));
    expect(fromReceived.getArray('events').toJSON()).toEqual(fromEncoded.getArray('events').toJSON());
  });

  it('an update that repeats what the relay holds is not exact', () => {
    const { phone, relay } = inStep();
    phone.getArray('events').push([raised()]);
    const whole = Y.encodeStateAsUpdate(phone);
    const v = validateUpdate(relay, whole, resident, 'public');
    expect(v.changed).toBe(true);
    expect(v.exact).toBe(false);
  });

  it('an update that adds nothing is not exact', () => {
    const { phone, relay } = inStep();
    expect(validateUpdate(relay, Y.encodeStateAsUpdate(phone), resident, 'public').exact).toBe(false);
  });

  it('an update that deletes text is not exact', () => {
    const phone = new Y.Doc();
    phone.getText('notes').insert(0, '议程一');
    const relay = new Y.Doc();
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(phone));
    const update = nextUpdate(phone, () => phone.getText('notes').delete(0, 1));
    const v = validateUpdate(relay, update, owners, 'minutes');
    expect(v.changed).toBe(true);
    expect(v.exact).toBe(false);
  });
});
