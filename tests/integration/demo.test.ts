import { describe, expect, it } from 'vitest';
import { endStages, foldEvents, isOverdue } from '../../shared/folds/index.ts';
import { compoundSetup } from '../../shared/folds/setupSteps.ts';
import { sniffImageType } from '../../sync-server/api/images.ts';
import { createDemoCompound } from '../../sync-server/demo.ts';
import { type Session, synced } from '../helpers/clients.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

describe('the demo compound', () => {
  const server = useTestServer();

  /** A demo compound on a fresh server and a newcomer who joined it by its invite. */
  async function joinDemo(): Promise<Session> {
    const { inviteCode } = await createDemoCompound(server.services);
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: inviteCode, name: '试用的人' }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Session;
  }

  async function publicLog(me: Session): Promise<unknown[]> {
    const pub = server.connect(me, 'public');
    await synced(pub);
    return pub.events.toArray();
  }

  // Found by an audit: a restart with DEMO=1 on the same data directory crashed (UNIQUE constraint
  // failed: members.member_id), the sample's member ids being fixed.
  it('made again on a data directory that has it, is the same compound with a new invite', async () => {
    const first = await createDemoCompound(server.services);
    const again = await createDemoCompound(server.services);
    expect(again.compoundId).toBe(first.compoundId);
    expect(again.inviteCode).not.toBe(first.inviteCode);
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: again.inviteCode, name: '第二次试用的人' }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Session).compoundId).toBe(first.compoundId);
  });

  it('is joined by its invite and opens with months of realistic, valid records', async () => {
    const me = await joinDemo();
    expect(me).toMatchObject({ role: 'committee', party: 'owners' });
    const pub = server.connect(me, 'public');
    const members = server.connect(me, 'members');
    await Promise.all([synced(pub), synced(members)]);
    const state = foldEvents(pub.events.toArray());
    expect(Object.keys(state.agenda.requests).length).toBeGreaterThan(50);
    expect(state.anomalies.length).toBeLessThan(pub.events.length / 100);
    expect(members.events.length).toBeGreaterThan(10);
    // Everything a new compound is asked to set up is there: no set-up card on the agenda.
    const setup = compoundSetup({
      members: Object.values(foldEvents(members.events.toArray()).members),
      meetings: state.meetings.meetings,
      funds: state.ledger.funds,
    });
    expect(setup.left).toBe(0);
  });

  it('serves every photo its public log references to a member who joined', async () => {
    const me = await joinDemo();
    const hashes = new Set(JSON.stringify(await publicLog(me)).match(/\b[0-9a-f]{64}\b/g));
    expect(hashes.size).toBeGreaterThan(3);
    for (const hash of hashes) {
      const res = await fetch(`${server.url}/api/compounds/${me.compoundId}/images/${hash}`, {
        headers: { authorization: `Bearer ${me.token}` },
      });
      expect(res.status, hash).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.byteLength).toBeGreaterThan(1000);
      expect(res.headers.get('content-type')).toBe(sniffImageType(bytes));
    }
  });

  it("has a few overdue requests as of the server's now, not all of its open ones", async () => {
    const me = await joinDemo();
    const now = server.services.now();
    const requests = Object.values(foldEvents(await publicLog(me)).agenda.requests);
    const open = requests.filter((r) => !endStages.includes(r.stage) && r.stage !== 'completed');
    const overdue = requests.filter((r) => isOverdue(r, now));
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(open.length);
    expect(overdue.length).toBeLessThanOrEqual(8);
  });
});
