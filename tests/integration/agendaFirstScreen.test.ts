import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AgendaFirstScreenSchema } from '../../shared/api/firstScreen.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import {
  addMember,
  connect,
  createCompound,
  raised,
  type Session,
  synced,
  type TestClient,
} from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { startTestServer, type TestServer } from '../helpers/startServer.ts';

describe('the agenda’s first screen from the relay, for a first join', () => {
  let server: TestServer;
  let founder: Session;
  const clients: TestClient[] = [];
  const url = (s: Session) => `${server.url}/api/compounds/${s.compoundId}/agenda/first-screen`;
  const get = (s: Session, token?: string) =>
    fetch(url(s), token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const screenOf = async (res: Response) => {
    expect(res.status).toBe(200);
    return v.parse(AgendaFirstScreenSchema, await res.json());
  };

  beforeEach(async () => {
    server = await startTestServer();
    founder = await createCompound(server.url);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });

  async function writer(): Promise<TestClient> {
    const c = connect(server.wsUrl, founder);
    clients.push(c);
    await synced(c);
    return c;
  }

  it('without a token the answer is 401 with a code; a member of another compound gets 403', async () => {
    const none = await get(founder);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    // A token without "Bearer " is not one: the member rate limit would not charge it.
    const bare = await fetch(url(founder), { headers: { authorization: founder.token } });
    expect(bare.status).toBe(401);
    const other = await createCompound(server.url, { name: '别的小区' });
    const res = await fetch(url(founder), { headers: { authorization: `Bearer ${other.token}` } });
    expect(res.status).toBe(403);
  });

  it('gives the newest open requests first, eight of them, the tabs’ counts and the raisers’ names', async () => {
    const w = await writer();
    const at = Date.now() - 60_000;
    const events = Array.from({ length: 12 }, (_, i) => raised(founder, `${i + 1}号楼楼道灯不亮`, { at: at + i }));
    w.events.push(events);
    await eventually(async () => {
      const rows = await server.storage.docs.count(`${founder.compoundId}/public`);
      expect(rows).toBeGreaterThan(0);
    });
    const resident = await addMember(server.url, founder, { role: 'resident' }, '赵大妈');
    const screen = await screenOf(await get(resident, resident.token));
    expect(screen.from).toBe('relay');
    expect(screen.memberId).toBe(resident.memberId);
    expect(screen.cards.map((c) => c.title)).toEqual(
      ['12', '11', '10', '9', '8', '7', '6', '5'].map((n) => `${n}号楼楼道灯不亮`),
    );
    expect(screen.counts).toEqual({ open: 12, mine: 0, overdue: 0, all: 12 });
    expect(screen.names).toEqual({ [founder.memberId]: '王秀英' });
    // For the founder every request is their own.
    expect((await screenOf(await get(founder, founder.token))).counts.mine).toBe(12);
  });

  it('counts under 我的 what waits on the member’s party in the ledger, as the phone does', async () => {
    const w = await writer();
    const at = Date.now();
    const fund = {
      id: `f-${at}`,
      type: 'ledger.fund.opened',
      at,
      by: founder.memberId,
      name: '三方共管账户',
      kind: 'shared-account',
    };
    const proposal = {
      id: `x-${at}`,
      type: 'ledger.expense.proposed',
      at: at + 1,
      by: founder.memberId,
      fundId: fund.id,
      amount: 286_000,
      payee: '施工队',
      purpose: '篮球场改造',
      quotes: ['a'.repeat(64)],
    };
    w.events.push([fund, proposal, raised(founder, '篮球场地面开裂')]);
    const property = await addMember(server.url, founder, { role: 'committee', party: 'property' }, '物业小刘');
    const community = await addMember(server.url, founder, { role: 'committee', party: 'community' }, '社区小王');
    const resident = await addMember(server.url, founder, { role: 'resident' }, '赵大妈');
    const mine = async (m: Session) => (await screenOf(await get(m, m.token))).counts.mine;
    // A proposal waits on every party that has not signed it; the founder's request is theirs.
    await eventually(async () => expect(await mine(property)).toBe(1));
    expect(await mine(resident)).toBe(0);
    // The founder's: their request, and the proposal waiting on the owners' signature too.
    expect(await mine(founder)).toBe(2);
    for (const m of [founder, property, community]) {
      const c = connect(server.wsUrl, m);
      clients.push(c);
      await synced(c);
      const party = m === founder ? 'owners' : m === property ? 'property' : 'community';
      c.events.push([
        {
          id: `a-${party}-${at}`,
          type: 'ledger.expense.approved',
          at: Date.now(),
          by: m.memberId,
          expenseId: proposal.id,
          party,
        },
      ]);
    }
    // Approved by all three, it waits on the proposer's party alone, to be paid.
    await eventually(async () => expect(await mine(property)).toBe(0));
    expect(await mine(community)).toBe(0);
    // The founder's: their request, and the payment their party (the proposer's) records.
    expect(await mine(founder)).toBe(2);
  });

  it('names no member of another compound, whatever a stored log says raised a request', async () => {
    const other = await createCompound(server.url, { name: '别的小区', founderName: '外区张三' });
    // Written straight into storage, as no relay would take it: a request "raised" by another compound's member.
    await server.close();
    const storage = openSqliteStorage(server.dataDir);
    const forged = new Y.Doc();
    forged.getArray('events').push([raised(other, '外区的诉求')]);
    await storage.docs.append(`${founder.compoundId}/public`, Y.encodeStateAsUpdate(forged));
    await storage.close();
    server = await startTestServer({ DATA_DIR: server.dataDir });
    const screen = await screenOf(await get(founder, founder.token));
    expect(screen.cards.map((c) => [c.title, c.raisedBy])).toEqual([['外区的诉求', other.memberId]]);
    expect(screen.names).toEqual({});
  });

  it('follows the room as it is written to, and leaves ended requests out of 进行中', async () => {
    const w = await writer();
    const first = raised(founder, '3号楼电梯异响');
    w.events.push([first]);
    await eventually(async () => expect((await screenOf(await get(founder, founder.token))).counts.all).toBe(1));
    w.events.push([
      {
        id: `${first.id}-w`,
        type: 'request.withdrawn',
        at: Date.now(),
        by: founder.memberId,
        requestId: first.id,
        reason: '已经修好了',
      },
      raised(founder, '5号楼垃圾桶满了'),
    ]);
    await eventually(async () => {
      const screen = await screenOf(await get(founder, founder.token));
      expect(screen.counts).toMatchObject({ open: 1, all: 2 });
      expect(screen.cards.map((c) => c.title)).toEqual(['5号楼垃圾桶满了']);
    });
  });
});
