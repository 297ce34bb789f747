import { beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/errors.ts';
import { addMember, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { eventually } from '../helpers/eventually.ts';
import { useTestServer } from '../helpers/useTestServer.ts';

/** Who may read and write which document (docs/PROTOCOL.md), through the real relay. */
describe('document permissions', () => {
  const server = useTestServer();
  let admin: Session;
  let resident: Session;
  let committee: Session;
  const open = (s: Session, doc: string) => server.connect(s, doc);
  const closeCode = async (c: TestClient) => {
    await eventually(() => expect(c.closes.length).toBeGreaterThan(0));
    return c.closes[0]!.code;
  };
  beforeEach(async () => {
    admin = await createCompound(server.url);
    resident = await addMember(server.url, admin, { role: 'resident' }, '居民');
    committee = await addMember(server.url, admin, { role: 'committee', party: 'property' }, '物业经理');
  });

  it('a resident is refused the committee document with 4403', async () => {
    expect(await closeCode(open(resident, 'committee'))).toBe(CloseCode.Forbidden);
  });

  it('a committee member reads and writes the committee document', async () => {
    const c = open(committee, 'committee');
    await synced(c);
    c.doc.getArray('events').push([
      {
        id: 'h1',
        type: 'care.household.registered',
        at: Date.now(),
        by: committee.memberId,
        label: '5号楼独居老人',
        building: '5号楼2单元',
        reasonCategory: 'elderly-alone',
        cadence: 'weekly',
        visitorId: committee.memberId,
      },
    ]);
    const other = open(admin, 'committee');
    await eventually(() => expect(other.events.length).toBe(1));
  });

  it('a resident reads minutes and syncs without being closed (an empty SyncStep2 is fine)', async () => {
    const writer = open(committee, 'minutes-m1');
    await synced(writer);
    writer.doc.getText('notes').insert(0, '今天讨论了停车问题。');
    const reader = open(resident, 'minutes-m1');
    await eventually(() => expect(reader.doc.getText('notes').toString()).toBe('今天讨论了停车问题。'));
    expect(reader.closes).toEqual([]);
  });

  it('a resident who writes minutes text is closed with 4403 and nothing reaches others', async () => {
    const watcher = open(committee, 'minutes-m2');
    await synced(watcher);
    const reader = open(resident, 'minutes-m2');
    await synced(reader);
    reader.doc.getText('notes').insert(0, '居民偷偷改纪要');
    expect(await closeCode(reader)).toBe(CloseCode.Forbidden);
    expect(watcher.doc.getText('notes').toString()).toBe('');
    expect(await server.storage.docs.count(`${admin.compoundId}/minutes-m2`)).toBe(0);
  });

  it('nobody writes the members document, not even an admin', async () => {
    const c = open(admin, 'members');
    await eventually(() => expect(c.events.length).toBe(3));
    c.events.push([
      {
        id: 'x',
        type: 'member.joined',
        at: 1,
        by: admin.memberId,
        memberId: 'zz',
        name: '假',
        role: 'admin',
        party: 'owners',
      },
    ]);
    expect(await closeCode(c)).toBe(CloseCode.Forbidden);
  });

  it('the members document lists who joined, written by the server', async () => {
    const c = open(resident, 'members');
    await eventually(() => expect(c.events.length).toBe(3));
    const names = (c.events.toArray() as { name: string }[]).map((e) => e.name);
    expect(names).toEqual(['王秀英', '居民', '物业经理']);
  });

  it('a missing or unknown token is closed with 4401', async () => {
    const c = open({ ...resident, token: 'not-a-token' }, 'public');
    expect(await closeCode(c)).toBe(CloseCode.Unauthenticated);
  });

  it('a member of another compound is closed with 4403', async () => {
    const other = await createCompound(server.url, { name: '另一个小区' });
    const c = open({ ...other, compoundId: admin.compoundId }, 'public');
    expect(await closeCode(c)).toBe(CloseCode.Forbidden);
  });

  it('an unknown document name is closed with 4404', async () => {
    expect(await closeCode(open(resident, 'secrets'))).toBe(CloseCode.NotFound);
    expect(await closeCode(open(resident, 'minutes-bad id'))).toBe(CloseCode.NotFound);
  });
});
