import { beforeEach, expect } from 'vitest';
import * as Y from 'yjs';
import { addMember, createCompound, raised, type Session, synced, type TestClient } from './clients.ts';
import { eventually } from './eventually.ts';
import { openRaw, type RawSocket, syncFrame } from './rawSocket.ts';
import type { UsedServer } from './useTestServer.ts';

/** The client id the attacker's forged structs use; stock clients pick random 32-bit ids. */
export const attackerClient = 0x5eed;

let seq = 0;
/** A valid event of the attacker's for a document of this name. */
export function attackerEvent(attacker: Session, docName: string): Record<string, unknown> {
  if (docName === 'public') return raised(attacker, '看似正常的诉求');
  return {
    id: `attack-${process.pid}-${++seq}`,
    type: 'minutes.signed-in',
    at: Date.now(),
    by: attacker.memberId,
    attendee: { memberId: attacker.memberId, party: attacker.party },
  };
}

export interface HostileRoom {
  readonly admin: Session;
  readonly attacker: Session;
  /** Two honest members' stock clients, connected and synced before each test. */
  readonly honest: readonly [TestClient, TestClient];
  readonly room: string;
  /** Opens the attacker's bare socket and sends frames through it (updates go as SyncStep2). */
  attack(...frames: Uint8Array[]): Promise<RawSocket>;
  /** Stored bytes of the room now, to compare after an attack. */
  storedBytes(): Promise<number>;
  /**
   * Neither honest client was closed, storage holds what it held before the attack, the honest
   * clients still exchange an update through the relay, and a fresh client sees what they see.
   */
  expectUnharmed(bytesBefore: number): Promise<void>;
}

/**
 * An attacker with a valid token and two honest members in one room of a fresh compound, for
 * tests of frames a stock client would never send. Minutes rooms seat committee members.
 */
export function useHostileRoom(server: UsedServer, docName = 'public'): HostileRoom {
  const minutes = docName.startsWith('minutes-');
  let state: { admin: Session; attacker: Session; honest: [TestClient, TestClient] } | undefined;
  const ready = () => {
    if (!state) throw new Error('the hostile room exists only inside its describe block');
    return state;
  };
  beforeEach(async () => {
    const admin = await createCompound(server.url);
    const attacker = await addMember(
      server.url,
      admin,
      minutes ? { role: 'committee', party: 'property' } : { role: 'resident' },
      '捣乱者',
    );
    const other = await addMember(
      server.url,
      admin,
      minutes ? { role: 'committee', party: 'community' } : { role: 'resident' },
    );
    const honest: [TestClient, TestClient] = [server.connect(admin, docName), server.connect(other, docName)];
    await Promise.all(honest.map(synced));
    if (minutes) honest[0].doc.getText('notes').insert(0, '会议开始。');
    else honest[0].events.push([raised(admin, '已有的诉求')]);
    await eventually(() =>
      expect(honest[1].doc.getText('notes').length + honest[1].events.length).toBe(minutes ? 5 : 1),
    );
    state = { admin, attacker, honest };
  });

  const room = () => `${ready().admin.compoundId}/${docName}`;
  const seen = (c: TestClient) => ({ events: c.events.toJSON(), notes: c.doc.getText('notes').toString() });

  return {
    get admin() {
      return ready().admin;
    },
    get attacker() {
      return ready().attacker;
    },
    get honest() {
      return ready().honest;
    },
    get room() {
      return room();
    },
    async attack(...frames) {
      const raw = await openRaw(server.wsUrl, ready().attacker, docName);
      for (const f of frames) raw.send(syncFrame(1, f));
      return raw;
    },
    storedBytes: () => server.storage.docs.bytes(room()),
    async expectUnharmed(bytesBefore) {
      const { admin, honest } = ready();
      expect(honest[0].closes).toEqual([]);
      expect(honest[1].closes).toEqual([]);
      expect(await server.storage.docs.bytes(room())).toBe(bytesBefore);
      if (minutes) honest[0].doc.getText('notes').insert(0, '照常记录。');
      else honest[0].events.push([raised(admin, '照常同步')]);
      await eventually(() => expect(seen(honest[1])).toEqual(seen(honest[0])));
      expect(honest[0].closes).toEqual([]);
      expect(honest[1].closes).toEqual([]);
      const fresh = server.connect(admin, docName, new Y.Doc());
      await synced(fresh);
      expect(seen(fresh)).toEqual(seen(honest[0]));
      for (const e of fresh.events.toArray()) expect(typeof e).toBe('object');
    },
  };
}
