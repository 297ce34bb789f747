import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/errors.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { forgeUpdate, type Ref } from '../helpers/forgeUpdate.ts';
import { openRaw, syncFrame } from '../helpers/rawSocket.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

let n = 0;
const ev = (by: Session, type: string, fields: Record<string, unknown>) => ({
  id: `rw-${process.pid}-${++n}`,
  type,
  at: Date.now(),
  by: by.memberId,
  ...fields,
});

/**
 * The event log rewritten from inside: a member with a valid token, a Y.Doc holding everything
 * the relay holds and the stock Yjs encoder, inserting where they like. Each must be refused
 * with a named causal rule, for the sender alone, with nothing stored or forwarded.
 */
describe('a member rewriting the event log', () => {
  const server = useTestServer({ MAX_CONNECTIONS_PER_MEMBER: '50' });
  let community: Session;
  let owners: Session;
  let property: Session;
  let resident: Session;
  let honest: TestClient[];

  beforeEach(async () => {
    community = await createCompound(server.url, { party: 'community' });
    owners = await addMember(server.url, community, { role: 'committee', party: 'owners' }, '业委会老刘');
    property = await addMember(server.url, community, { role: 'committee', party: 'property' }, '物业小周');
    resident = await addMember(server.url, community, { role: 'resident' }, '居民老陈');
  });

  /** Connects the honest members to a document and waits until they are in step. */
  async function seat(docName: string): Promise<[TestClient, TestClient]> {
    honest = [server.connect(community, docName), server.connect(property, docName)];
    await Promise.all(honest.map(synced));
    return honest as [TestClient, TestClient];
  }

  /** Appends events as honest members, each through their own client, and waits until all see them. */
  async function write(docName: string, writes: [Session, Record<string, unknown>][]): Promise<void> {
    for (const [who, event] of writes) {
      const c = server.connect(who, docName);
      await synced(c);
      c.events.push([event]);
      await eventually(() => expect(honest[0]!.events.toArray()).toContainEqual(event));
      c.provider.destroy();
    }
    await eventually(() => expect(honest[1]!.events.length).toBe(honest[0]!.events.length));
  }

  /**
   * As `who`: copies what the relay holds, changes it with `edit` (stock Yjs), sends only the
   * change; resolves with how the relay closed the socket.
   */
  async function rewrite(who: Session, docName: string, edit: (doc: Y.Doc) => void) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(honest[0]!.doc));
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return send(who, docName, Y.encodeStateAsUpdate(doc, before));
  }

  /** As `who`: sends `update` as it is; resolves with how the relay closed the socket. */
  async function send(who: Session, docName: string, update: Uint8Array) {
    const raw = await openRaw(server.wsUrl, who, docName);
    raw.send(syncFrame(1, update));
    return raw.closed;
  }

  /**
   * Puts `value` at `index` of the log as a hostile phone can: naming only its left neighbour (one
   * that names a right neighbour is refused outright, phones only push), under client id 1, which
   * Yjs places first among the items that follow the same neighbour.
   */
  function putAt(index: number, value: unknown): Uint8Array {
    const left = idAt(honest[0]!.events, index - 1);
    const struct = left ? { origin: left, content: { any: [value] } } : { parent: 'events', content: { any: [value] } };
    return forgeUpdate([{ client: 1, clock: 0, structs: [struct] }]);
  }

  /** Nobody honest was closed, storage holds what it held, and the honest clients still sync. */
  async function expectUnharmed(docName: string, bytesBefore: number): Promise<void> {
    const room = `${community.compoundId}/${docName}`;
    for (const c of honest) expect(c.closes).toEqual([]);
    expect(await server.storage.docs.bytes(room)).toBe(bytesBefore);
    // Minutes here are locked: what still goes in is an amendment.
    const marker =
      docName === 'public'
        ? raised(community, '照常同步')
        : ev(community, 'minutes.amended', { note: '照常记录：会后补充说明' });
    honest[0]!.events.push([marker]);
    await eventually(() => expect(honest[1]!.events.toJSON()).toEqual(honest[0]!.events.toJSON()));
    for (const c of honest) expect(c.closes).toEqual([]);
  }

  const bytes = (docName: string) => server.storage.docs.bytes(`${community.compoundId}/${docName}`);
  const indexOf = (c: TestClient, id: string) => (c.events.toArray() as { id: string }[]).findIndex((e) => e.id === id);

  describe('the three-party ledger', () => {
    let fund: Record<string, unknown>;
    let expense: Record<string, unknown>;
    const approval = (who: Session, party: string) =>
      ev(who, 'ledger.expense.approved', { expenseId: expense.id, party });

    beforeEach(async () => {
      await seat('public');
      fund = ev(community, 'ledger.fund.opened', { name: '三方共管账户', kind: 'shared-account' });
      expense = ev(community, 'ledger.expense.proposed', {
        fundId: fund.id,
        amount: 120_000,
        payee: '明亮照明工程部',
        purpose: '更换3号楼路灯',
        quotes: [],
      });
      await write('public', [
        [community, fund],
        [community, expense],
      ]);
    });

    it('refuses an expense inserted before an approved one under its id (duplicate_id); the original stands', async () => {
      await write('public', [
        [community, approval(community, 'community')],
        [owners, approval(owners, 'owners')],
        [property, approval(property, 'property')],
      ]);
      const before = await bytes('public');
      const forged = { ...expense, by: owners.memberId, amount: 999_999_900, payee: 'Mallory Ltd' };
      const closed = await send(owners, 'public', putAt(indexOf(honest[0]!, expense.id as string), forged));
      expect(closed.code).toBe(CloseCode.UpdateRejected);
      expect(closed.reason).toMatch(/^causal_rule: .*duplicate_id/);
      await expectUnharmed('public', before);
      const x = foldEvents(honest[1]!.events.toArray()).ledger.expenses[expense.id as string];
      expect(x).toMatchObject({ amount: 120_000, payee: '明亮照明工程部', status: 'approved' });
    });

    it('refuses a payment before all three approvals (not_approved)', async () => {
      await write('public', [
        [community, approval(community, 'community')],
        [owners, approval(owners, 'owners')],
      ]);
      const before = await bytes('public');
      const paid = ev(property, 'ledger.expense.paid', { expenseId: expense.id, day: '2026-12-01', receipts: [] });
      const closed = await rewrite(property, 'public', (doc) => doc.getArray('events').push([paid]));
      expect(closed.code).toBe(CloseCode.UpdateRejected);
      expect(closed.reason).toMatch(/^causal_rule: .*not_approved/);
      await expectUnharmed('public', before);
    });

    it('refuses a payment placed before the approvals it needs, though the log holds them all', async () => {
      const approvals = [approval(community, 'community'), approval(owners, 'owners'), approval(property, 'property')];
      await write('public', [
        [community, approvals[0]!],
        [owners, approvals[1]!],
        [property, approvals[2]!],
      ]);
      const before = await bytes('public');
      const paid = ev(property, 'ledger.expense.paid', { expenseId: expense.id, day: '2026-12-01', receipts: [] });
      const closed = await send(property, 'public', putAt(indexOf(honest[0]!, approvals[0]!.id as string), paid));
      expect(closed.code).toBe(CloseCode.UpdateRejected);
      expect(closed.reason).toMatch(/^causal_rule: .*not_approved/);
      await expectUnharmed('public', before);
      // The room reloaded from storage and takes the honest payment, appended after the approvals.
      const honestPaid = { ...paid, id: `${paid.id}-ok` };
      await write('public', [[property, honestPaid]]);
      expect(foldEvents(honest[1]!.events.toArray()).ledger.expenses[expense.id as string]?.status).toBe('paid');
    });

    it('refuses an event put before another by naming it as its right neighbour, as no phone does', async () => {
      await write('public', [[community, approval(community, 'community')]]);
      const before = await bytes('public');
      const early = ev(owners, 'ledger.expense.approved', { expenseId: expense.id, party: 'owners' });
      const closed = await rewrite(owners, 'public', (doc) =>
        doc.getArray('events').insert(indexOf(honest[0]!, expense.id as string), [early]),
      );
      expect(closed.code).toBe(CloseCode.UpdateRejected);
      expect(closed.reason).toMatch(/^bad_content: .*before another item of an event log/);
      await expectUnharmed('public', before);
    });

    it("refuses a resident's request raised under the id of someone else's, wherever it is placed", async () => {
      const mine = raised(community, '2号楼电梯异响');
      await write('public', [[community, mine]]);
      const before = await bytes('public');
      const takeover = { ...mine, by: resident.memberId, title: '这条诉求归我了' };
      for (const at of [indexOf(honest[0]!, mine.id), honest[0]!.events.length]) {
        const closed = await send(resident, 'public', putAt(at, takeover));
        expect(closed.reason).toMatch(/^causal_rule: .*duplicate_id/);
      }
      await expectUnharmed('public', before);
      expect(foldEvents(honest[1]!.events.toArray()).agenda.requests[mine.id]?.raisedBy).toBe(community.memberId);
    });

    it('refuses two events with one id in one update', async () => {
      const before = await bytes('public');
      const twice = raised(resident, '同一个编号两次');
      const closed = await rewrite(resident, 'public', (doc) => doc.getArray('events').push([twice, { ...twice }]));
      expect(closed.reason).toMatch(/^causal_rule: .*duplicate_id/);
      await expectUnharmed('public', before);
    });

    it('keeps two decisions that two offline phones recorded on one request: a conflict shown, not refused', async () => {
      const request = raised(resident, '小区门口积水');
      await write('public', [
        [resident, request],
        [
          community,
          ev(community, 'request.classified', { requestId: request.id, category: 'roads', priority: 'high' }),
        ],
      ]);
      const phones = [server.connect(community, 'public'), server.connect(owners, 'public')];
      await Promise.all(phones.map(synced));
      for (const p of phones) p.provider.disconnect();
      const decide = (who: Session, outcome: string) =>
        ev(who, 'request.decided', { requestId: request.id, outcome, note: '议事会表决' });
      phones[0]!.events.push([decide(community, 'approved')]);
      phones[1]!.events.push([decide(owners, 'rejected')]);
      for (const p of phones) p.provider.connect();
      await eventually(() => expect(honest[1]!.events.length).toBe(phones[0]!.events.length));
      await eventually(() => expect(phones[1]!.events.toJSON()).toEqual(phones[0]!.events.toJSON()));
      for (const p of phones) expect(p.closes).toEqual([]);
      const state = foldEvents(honest[1]!.events.toArray());
      expect(state.anomalies).toEqual([]);
      expect(state.agenda.requests[request.id]).toMatchObject({
        stage: 'decided',
        decision: { outcome: 'approved' },
        concurrentDecisions: [{ outcome: 'rejected' }],
      });
    });
  });

  describe('locked minutes', () => {
    const docName = 'minutes-m1';
    let decision: Record<string, unknown>;

    beforeEach(async () => {
      await seat(docName);
      honest[0]!.doc.getText('notes').insert(0, '会议开始。');
      decision = ev(community, 'minutes.decision.recorded', { text: '同意更换路灯' });
      await write(docName, [
        [
          community,
          ev(community, 'minutes.signed-in', { attendee: { memberId: community.memberId, party: 'community' } }),
        ],
        [property, ev(property, 'minutes.signed-in', { attendee: { memberId: property.memberId, party: 'property' } })],
        [community, decision],
        [community, ev(community, 'minutes.signed-off', { party: 'community' })],
        [property, ev(property, 'minutes.signed-off', { party: 'property' })],
      ]);
      expect(foldMinutes(honest[1]!.events.toArray()).locked).toBe(true);
    });

    it('refuses a decision inserted before the sign-offs (minutes_locked)', async () => {
      const before = await bytes(docName);
      const late = ev(property, 'minutes.decision.recorded', { text: '再加一条：物业费上涨' });
      const closed = await send(property, docName, putAt(indexOf(honest[0]!, decision.id as string) + 1, late));
      expect(closed.code).toBe(CloseCode.UpdateRejected);
      expect(closed.reason).toMatch(/^causal_rule: .*minutes_locked/);
      await expectUnharmed(docName, before);
    });

    it('refuses a change to the notes once locked, and takes an amendment', async () => {
      const before = await bytes(docName);
      const closed = await rewrite(property, docName, (doc) => doc.getText('notes').insert(0, '改写：'));
      expect(closed.reason).toMatch(/^causal_rule: .*locked/);
      expect(await bytes(docName)).toBe(before);
      for (const c of honest) expect(c.closes).toEqual([]);
      expect(honest[1]!.doc.getText('notes').toString()).toBe('会议开始。');
      const amended = ev(community, 'minutes.amended', { note: '更正：参会人数以签到表为准' });
      await write(docName, [[community, amended]]);
      expect(foldMinutes(honest[1]!.events.toArray()).amendments).toMatchObject([{ eventId: amended.id }]);
    });
  });
});

/** The id of the element at `index` of a Y.Array, if it has one. */
function idAt(array: Y.Array<unknown>, index: number): Ref | undefined {
  let seen = 0;
  for (let item = array._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    if (index < seen + item.length) return [item.id.client, item.id.clock + (index - seen)];
    seen += item.length;
  }
  return undefined;
}
