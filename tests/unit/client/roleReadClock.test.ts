import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '../../../shared/errors.ts';
import { createCompound, raised, synced } from '../../helpers/clients.ts';
import { eventually } from '../../helpers/eventually.ts';
import { useTestServer } from '../../helpers/useTestServer.ts';
import { aim } from './support/onlineBrowser.ts';

const { CompoundSession } = await import('../../../client/sync/CompoundSession.ts');
const { saveAccount } = await import('../../../client/sync/accounts.ts');

/**
 * A phone back on the relay reads its role by a request sent after its documents opened: "after"
 * counted in requests, so a clock set back meanwhile (the network's time arriving, a user's hand) does
 * not make the phone ask again and again until the clock catches up.
 */
describe('a phone whose clock is set back while it reads its role', () => {
  const server = useTestServer();
  const through = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = through;
    vi.restoreAllMocks();
  });

  it('reads its role once after its documents reconnect, then no more', async () => {
    aim(server.url);
    const founder = await createCompound(server.url);
    const account = {
      ...founder,
      compoundName: '阳光小区',
      name: '王秀英',
      role: 'admin',
      party: 'owners',
      addedAt: 0,
    };
    await saveAccount(account as Parameters<typeof saveAccount>[0]);
    // The phone's reads of its role, counted, and held at the relay's door while `holding`.
    const reads = { sent: 0, answered: 0 };
    let holding = false;
    const held: (() => void)[] = [];
    globalThis.fetch = (async (url: string, init?: RequestInit) => {
      if (!String(url).endsWith('/api/me')) return through(url, init);
      reads.sent++;
      if (holding) await new Promise<void>((r) => held.push(r));
      const res = await through(url, init);
      reads.answered++;
      return res;
    }) as typeof fetch;

    const session = new CompoundSession(account as Parameters<typeof saveAccount>[0]);
    const docs = ['public', 'members', 'committee'].map((name) => session.doc(name));
    // No read under way, none about to be sent: every document connected and the one in flight answered.
    const reading = () => (session as unknown as { checking?: Promise<boolean> }).checking !== undefined;
    await eventually(() => {
      expect(docs.map((d) => d.connection())).toEqual(['connected', 'connected', 'connected']);
      expect(reading()).toBe(false);
    });
    const before = reads.sent;

    // The relay says the role changed; the read that asks is held until the documents are back.
    holding = true;
    server.relay.disconnectMember(founder.memberId, CloseCode.RoleChanged, 'role changed: admin');
    await eventually(() => expect(reads.sent).toBe(before + 1));
    await eventually(() => expect(docs.map((d) => d.connection())).toEqual(['connected', 'connected', 'connected']));
    // The clock goes back an hour, then the held read is answered.
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 3_600_000);
    holding = false;
    for (const go of held.splice(0)) go();

    // One read sent after the documents opened, and answered.
    await eventually(() => {
      expect(reads.answered).toBe(before + 2);
      expect(reading()).toBe(false);
    });
    // Long enough for more: another phone's write reaches this one through the relay.
    const other = server.connect(founder, 'public');
    await synced(other);
    const event = raised(founder, '楼道灯不亮');
    other.events.push([event]);
    await eventually(() => expect(docs[0]!.doc().getArray('events').toArray()).toContainEqual(event));
    expect(reads.sent).toBe(before + 2);
    session.destroy();
  }, 40_000);
});
