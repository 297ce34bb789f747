import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { EventOf } from '../../shared/events/index.ts';
import type { ArrayDelta } from '../../shared/folds/ArrayDelta.ts';
import { CompoundFold } from '../../shared/folds/CompoundFold.ts';
import { redemptionRefusal } from '../../shared/rules/redemptionRefusal.ts';

let n = 0;
const at = Date.parse('2024-05-06T01:00:00Z');
function ev(by: string, type: string, fields: Record<string, unknown>, id = `e${++n}`) {
  return { id, type, at: at + n * 60_000, by, ...fields };
}
const redeem = (by: string, ticket: string) =>
  ev(by, 'points.redeemed', { memberId: 'res1', goodsId: 'rice', quantity: 1, ticket }) as EventOf<'points.redeemed'>;
const award = (amount: number) => ev('comm1', 'points.awarded', { memberId: 'res1', amount, reason: '志愿服务' });

/** The relay's copy and two counters' copies of one log: goods at 100 points, 100 points awarded. */
function setup() {
  const relay = new Y.Doc();
  relay
    .getArray('events')
    .push([ev('comm1', 'points.goods.listed', { name: '大米', pricePoints: 100, stock: 9 }, 'rice'), award(100)]);
  const copy = (clientID: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(relay));
    return doc;
  };
  return { relay, copy };
}

/** Brings a counter's writes to the relay, then asks what the relay would say of `event`. */
function judge(relay: Y.Doc, from: Y.Doc[], event: EventOf<'points.redeemed'>) {
  for (const doc of from) Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(relay)));
  const events = relay.getArray('events');
  const fold = new CompoundFold();
  fold.applyDelta([{ insert: events.toArray() }] as ArrayDelta);
  const account = fold.state.points.accounts.res1;
  return { refusal: redemptionRefusal(events, account, event), account };
}

describe('an overdraft is refused only when the counter’s own copy held the balance', () => {
  it('a second redemption at the counter that recorded the first is refused', () => {
    const { relay, copy } = setup();
    const a = copy(10);
    const first = redeem('counterA', 't1');
    const second = redeem('counterA', 't2');
    a.getArray('events').push([first]);
    a.getArray('events').push([second]);
    expect(judge(relay, [a], second).refusal).toEqual({ code: 'overdraft', balance: 0, cost: 100 });
  });

  it('a second redemption stamped before the first it recorded is refused, though the first is the one flagged', () => {
    const { relay, copy } = setup();
    const a = copy(10);
    const first = redeem('counterA', 't1');
    const second = { ...redeem('counterA', 't2'), at: first.at - 60_000 };
    a.getArray('events').push([first]);
    a.getArray('events').push([second]);
    const { refusal, account } = judge(relay, [a], second);
    expect(account?.history.find((h) => h.eventId === first.id)?.overdraft).toBe(true);
    expect(refusal).toEqual({ code: 'overdraft', balance: 0, cost: 100 });
  });

  it('a redemption landing after another offline counter’s is kept and flagged', () => {
    const { relay, copy } = setup();
    const [a, b] = [copy(10), copy(20)];
    const ra = redeem('counterA', 'ta');
    const rb = redeem('counterB', 'tb');
    a.getArray('events').push([ra]);
    b.getArray('events').push([rb]);
    judge(relay, [a], ra);
    const { refusal, account } = judge(relay, [b], rb);
    expect(refusal).toBeUndefined();
    expect(account?.history.find((h) => h.eventId === rb.id)?.overdraft).toBe(true);
  });

  it('a debit placed before the counter’s own earlier write, which it never saw, does not count against it', () => {
    const { relay, copy } = setup();
    // B's client id is lower: its redemption lands before A's award and A's redemption.
    const [a, b] = [copy(20), copy(10)];
    const rb = redeem('counterB', 'tb');
    b.getArray('events').push([rb]);
    a.getArray('events').push([award(100)]);
    // A saw 200 points and redeems 2 (200); at its place in the log B's redemption left 100.
    const ra = { ...redeem('counterA', 'ta'), quantity: 2 };
    a.getArray('events').push([ra]);
    judge(relay, [b], rb);
    const { refusal, account } = judge(relay, [a], ra);
    expect(
      relay
        .getArray('events')
        .toArray()
        .map((e) => (e as { id: string }).id)
        .indexOf(rb.id),
    ).toBeLessThan(
      relay
        .getArray('events')
        .toArray()
        .map((e) => (e as { id: string }).id)
        .indexOf(ra.id),
    );
    expect(account?.history.find((h) => h.eventId === ra.id)?.overdraft).toBe(true);
    expect(refusal).toBeUndefined();
  });

  it('a one-time id is refused where the counter recorded it, and counted once where two counters raced', () => {
    const { relay, copy } = setup();
    Y.applyUpdate(
      relay,
      Y.encodeStateAsUpdate(
        (() => {
          const d = copy(5);
          d.getArray('events').push([award(1000)]);
          return d;
        })(),
      ),
    );
    const [a, b] = [copy(10), copy(20)];
    const ra = redeem('counterA', 'same');
    const rb = redeem('counterB', 'same');
    a.getArray('events').push([ra]);
    b.getArray('events').push([rb]);
    judge(relay, [a], ra);
    expect(judge(relay, [b], rb).refusal).toBeUndefined();
    const again = redeem('counterA', 'same');
    a.getArray('events').push([again]);
    expect(judge(relay, [a], again).refusal).toEqual({ code: 'ticket_used' });
  });

  it('a one-time id the counter held is refused when stamped before that use, which it would take the id from', () => {
    const { relay, copy } = setup();
    const a = copy(10);
    const first = redeem('counterA', 'same');
    const again = { ...redeem('counterA', 'same'), at: first.at - 60_000 };
    a.getArray('events').push([first]);
    a.getArray('events').push([again]);
    const { refusal, account } = judge(relay, [a], again);
    expect(account?.history.find((h) => h.eventId === first.id)?.ticketUsed).toBe(true);
    expect(refusal).toEqual({ code: 'ticket_used' });
  });
});
