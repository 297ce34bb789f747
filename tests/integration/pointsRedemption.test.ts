import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { overdrafts } from '../../shared/folds/pointsQueries.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

let seq = 0;
function ev(session: Session, type: string, fields: Record<string, unknown>, id = `p-${process.pid}-${++seq}`) {
  return { id, type, at: Date.now(), by: session.memberId, ...fields };
}

function docWithClient(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

/** The love supermarket's counter at the relay: what a counter's own copy shows is refused, a race is kept. */
describe('redemptions at the relay', () => {
  const server = useTestServer();
  let admin: Session;
  let counter: Session;
  let resident: Session;
  let a: TestClient;
  let b: TestClient;
  const room = () => `${admin.compoundId}/public`;
  const redeem = (by: Session, ticket: string) =>
    ev(by, 'points.redeemed', { memberId: resident.memberId, goodsId: 'rice', quantity: 1, ticket });

  beforeEach(async () => {
    admin = await createCompound(server.url);
    counter = await addMember(server.url, admin, { role: 'committee', party: 'community' }, '柜台小张');
    resident = await addMember(server.url, admin, { role: 'resident' }, '李叔');
    // Of two events appended after the same one, Yjs places the higher client id later: B lands after A.
    a = server.connect(admin, 'public', docWithClient(1000));
    b = server.connect(counter, 'public', docWithClient(2_000_000_000));
    await Promise.all([synced(a), synced(b)]);
    a.events.push([
      ev(admin, 'points.goods.listed', { name: '大米 5公斤', pricePoints: 100, stock: 10 }, 'rice'),
      ev(admin, 'points.awarded', { memberId: resident.memberId, amount: 150, reason: '志愿服务' }),
    ]);
    await eventually(() => expect(b.events.length).toBe(2));
  });

  async function expectStored(n: number) {
    const fresh = server.connect(admin, 'public', new Y.Doc());
    await synced(fresh);
    expect(fresh.events.length).toBe(n);
    return foldEvents(fresh.events.toArray());
  }

  it('a redemption past the balance its counter’s own copy held is refused and nothing is stored', async () => {
    b.events.push([redeem(counter, 't1')]);
    await eventually(() => expect(a.events.length).toBe(3));
    const before = await server.storage.docs.bytes(room());
    b.events.push([redeem(counter, 't2')]);
    await eventually(() => expect(b.closes.length).toBeGreaterThan(0));
    expect(b.closes[0]!.code).toBe(CloseCode.UpdateRejected);
    expect(b.closes[0]!.reason).toMatch(/causal_rule: points\.redeemed .*: overdraft/);
    expect(await server.storage.docs.bytes(room())).toBe(before);
    expect((await expectStored(3)).points.accounts[resident.memberId]?.balance).toBe(50);
  });

  it('two offline counters redeeming the last points are both kept; the account flags the overdraft', async () => {
    const witness = server.connect(resident);
    await synced(witness);
    a.provider.disconnect();
    b.provider.disconnect();
    await eventually(() => expect(server.relay.stats().connections).toBe(1));
    a.events.push([redeem(admin, 'ta')]);
    // Later by (at, id) whatever the clock's grain: the account is folded in that order.
    const late = { ...redeem(counter, 'tb'), at: Date.now() + 1 };
    b.events.push([late]);
    a.provider.connect();
    await eventually(() => expect(witness.events.length).toBe(3));
    b.provider.connect();
    await eventually(() => {
      expect(a.events.length).toBe(4);
      expect(b.events.length).toBe(4);
    });
    expect(a.closes.concat(b.closes)).toEqual([]);
    const state = await expectStored(4);
    expect(state.points.accounts[resident.memberId]?.balance).toBe(-50);
    expect(overdrafts(state.points).map((o) => o.entry.eventId)).toEqual([late.id]);
  });

  it('a one-time id the counter’s copy already holds is refused; two offline counters scanning it count it once', async () => {
    b.events.push([redeem(counter, 'same')]);
    await eventually(() => expect(a.events.length).toBe(3));
    a.events.push([ev(admin, 'points.awarded', { memberId: resident.memberId, amount: 500, reason: '年度表彰' })]);
    await eventually(() => expect(b.events.length).toBe(4));
    const witness = server.connect(resident);
    await synced(witness);
    a.provider.disconnect();
    b.provider.disconnect();
    await eventually(() => expect(server.relay.stats().connections).toBe(1));
    a.events.push([redeem(admin, 'twice')]);
    b.events.push([redeem(counter, 'twice')]);
    a.provider.connect();
    await eventually(() => expect(witness.events.length).toBe(5));
    b.provider.connect();
    await eventually(() => expect(b.events.length).toBe(6));
    expect(b.closes).toEqual([]);
    const state = await expectStored(6);
    expect(state.points.accounts[resident.memberId]?.balance).toBe(150 + 500 - 200);
    expect(state.anomalies).toEqual([]);
    const twice = state.points.accounts[resident.memberId]?.history.filter((h) => h.ticket === 'twice');
    expect(twice?.map((h) => h.ticketUsed).sort()).toEqual([false, true]);
    b.events.push([redeem(counter, 'same')]);
    await eventually(() => expect(b.closes.length).toBeGreaterThan(0));
    expect(b.closes[0]!.reason).toMatch(/ticket_used/);
  });

  it('a shelf count is stored and moves the stock; a count of goods the counter never held, or by a resident, is refused', async () => {
    b.events.push([ev(counter, 'points.goods.counted', { goodsId: 'rice', counted: 7, expected: 10 })]);
    await eventually(() => expect(a.events.length).toBe(3));
    expect((await expectStored(3)).points.goods.rice).toMatchObject({
      stock: 7,
      lastCount: { counted: 7, expected: 10 },
    });
    b.events.push([ev(counter, 'points.goods.counted', { goodsId: 'oil', counted: 1, expected: 0 })]);
    await eventually(() => expect(b.closes.length).toBeGreaterThan(0));
    expect(b.closes[0]!.reason).toMatch(/causal_rule: points\.goods\.counted .*: no_such/);
    const r = server.connect(resident);
    await synced(r);
    r.events.push([ev(resident, 'points.goods.counted', { goodsId: 'rice', counted: 100, expected: 7 })]);
    await eventually(() => expect(r.closes.length).toBeGreaterThan(0));
    expect(r.closes[0]!.code).toBe(CloseCode.UpdateRejected);
    await expectStored(3);
  });

  it('a resident awarding points is refused', async () => {
    const r = server.connect(resident);
    await synced(r);
    r.events.push([
      ev(resident, 'points.awarded', { memberId: resident.memberId, amount: 1000, reason: '自己给自己' }),
    ]);
    await eventually(() => expect(r.closes.length).toBeGreaterThan(0));
    expect(r.closes[0]!.code).toBe(CloseCode.UpdateRejected);
    await expectStored(2);
  });
});
