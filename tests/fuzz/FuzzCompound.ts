import type { ArrayDelta } from '../../shared/folds/ArrayDelta.ts';
import { CompoundFold } from '../../shared/folds/CompoundFold.ts';
import type { Member } from '../../shared/roles.ts';
import { minutesDocName } from '../../shared/rooms.ts';
import type { Prng } from '../../shared/sample/Prng.ts';
import { addMember, connect, createCompound, type Session, synced, type TestClient } from '../helpers/clients.ts';
import { DocView } from './DocView.ts';
import { RawPeer } from './RawPeer.ts';
import { type EventPool, type FuzzMembers, samplePools } from './samplePools.ts';

/** An honest member's stock client on one document, and the fold it keeps as the app does. */
export interface Honest {
  client: TestClient;
  /** Incremental fold of its event log (public document only). */
  fold: CompoundFold | undefined;
}

/** One member on one document: a stock client, and a bare socket the fuzzer sends frames through. */
export interface Seat {
  member: Member;
  session: Session;
  honest: Honest;
  sender: RawPeer;
  /** A new socket for a sender the relay closed, opening while other frames go on. */
  reopening?: Promise<void> | undefined;
  /** The Yjs client id the sender's forged updates continue. */
  client: number;
  awareness: { id: number; clock: number };
}

export interface FuzzDoc {
  name: string;
  room: string;
  minutes: boolean;
  pool: EventPool;
  /** The admin's bare socket mirroring what the relay forwards: the relay's state after each frame. */
  mirror: RawPeer;
  view: DocView;
  seats: Seat[];
}

export interface FuzzCompound {
  members: FuzzMembers;
  docs: FuzzDoc[];
}

const names = { admin: '王秀英', resident: '李建国', owners: '赵业主', property: '钱物业' } as const;

/**
 * A fresh compound with an admin (community), an owners' and a property committee member and a
 * resident, each with a stock client and a bare socket on `public` and on one minutes document.
 */
export async function openFuzzCompound(url: string, wsUrl: string, rng: Prng, seed: number): Promise<FuzzCompound> {
  const admin = await createCompound(url, { founderName: names.admin, party: 'community' });
  const sessions = {
    admin,
    resident: await addMember(url, admin, { role: 'resident' }, names.resident),
    owners: await addMember(url, admin, { role: 'committee', party: 'owners' }, names.owners),
    property: await addMember(url, admin, { role: 'committee', party: 'property' }, names.property),
  };
  const asMember = (key: keyof typeof sessions): Member => {
    const s = sessions[key];
    return {
      memberId: s.memberId,
      compoundId: s.compoundId,
      name: names[key],
      role: s.role as Member['role'],
      party: s.party as Member['party'],
    };
  };
  const members: FuzzMembers = {
    admin: asMember('admin'),
    resident: asMember('resident'),
    owners: asMember('owners'),
    property: asMember('property'),
  };
  const pools = samplePools(seed, members);
  const docs: FuzzDoc[] = [];
  for (const name of ['public', minutesDocName(pools.meetingId)]) {
    const minutes = name !== 'public';
    const mirror = await RawPeer.open(wsUrl, admin, name, true);
    const seats: Seat[] = [];
    for (const key of ['admin', 'resident', 'owners', 'property'] as const) {
      const honest = openHonest(wsUrl, sessions[key], name);
      seats.push({
        member: members[key],
        session: sessions[key],
        honest,
        sender: await RawPeer.open(wsUrl, sessions[key], name),
        client: rng.int(1, 2 ** 31),
        awareness: { id: rng.int(1, 2 ** 31), clock: 0 },
      });
    }
    await Promise.all(seats.map((s) => synced(s.honest.client)));
    docs.push({
      name,
      room: `${admin.compoundId}/${name}`,
      minutes,
      pool: minutes ? pools.minutes : pools.public,
      mirror,
      view: new DocView(mirror.doc),
      seats,
    });
  }
  return { members, docs };
}

/** A stock client with a fresh copy; on `public` it folds every change as it arrives. */
export function openHonest(wsUrl: string, session: Session, docName: string): Honest {
  const client = connect(wsUrl, session, docName);
  if (docName !== 'public') return { client, fold: undefined };
  const fold = new CompoundFold();
  client.events.observe((e) => fold.applyDelta(e.changes.delta as ArrayDelta));
  return { client, fold };
}

/** Closes every socket and client of the compound. */
export async function closeFuzzCompound(c: FuzzCompound): Promise<void> {
  for (const d of c.docs) {
    d.mirror.close();
    for (const s of d.seats) {
      await s.reopening?.catch(() => undefined);
      s.sender.close();
      destroyHonest(s.honest);
    }
  }
}

/**
 * Destroys a stock client. y-websocket's disconnect looks up awareness by the doc's current client
 * id, which Yjs changes when another client wrote under it, and then throws: close the socket anyway.
 */
export function destroyHonest(h: Honest): void {
  try {
    h.client.destroy();
  } catch {
    h.client.provider.ws?.close();
    h.client.doc.destroy();
  }
}
