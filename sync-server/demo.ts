import * as Y from 'yjs';
import { minutesDocName, parseDocName, roomName } from '../shared/rooms.ts';
import { generateCompound } from '../shared/sample/generate.ts';
import { joinedEvent } from './api/compounds.ts';
import type { Services } from './api/context.ts';
import { hashToken, newId, newToken } from './auth/tokens.ts';
import type { MemberRow } from './storage/Storage.ts';

/** One Yjs update holding a whole event log, as if a phone had written it. */
function logUpdate(events: readonly unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('events').push([...events]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Creates a demo compound filled with half a year of realistic sample data (DEMO=1), and an
 * invite anyone may use to join it as an owners' committee member.
 */
export async function createDemoCompound(s: Services): Promise<{ compoundId: string; inviteCode: string }> {
  const compoundId = newId(9);
  const now = s.now();
  const sample = generateCompound({ seed: 2024, scale: 'demo', founderName: '社区书记 王秀英' });
  const [founder, ...others] = sample.members.map(
    (m): MemberRow => ({ ...m, compoundId, joinedAt: now, revokedAt: null }),
  );
  if (!founder) throw new Error('the sample has no members');
  // Sample members get tokens nobody knows: they exist so names show, not to sign in.
  await s.storage.accounts.createCompound(
    { compoundId, name: '阳光花园（演示小区）', createdAt: now },
    founder,
    hashToken(newToken()),
  );
  for (const m of others) await s.storage.accounts.addMember(m, hashToken(newToken()));
  await s.relay.appendServerEvents(compoundId, parseDocName('members')!, [founder, ...others].map(joinedEvent));

  s.storage.docs.append(roomName(compoundId, 'public'), logUpdate(sample.publicEvents));
  s.storage.docs.append(roomName(compoundId, 'committee'), logUpdate(sample.committeeEvents));
  for (const [meetingId, events] of Object.entries(sample.minutes)) {
    s.storage.docs.append(roomName(compoundId, minutesDocName(meetingId)), logUpdate(events));
  }
  const inviteCode = newId(16);
  await s.storage.accounts.createInvite({
    code: inviteCode,
    compoundId,
    role: 'committee',
    party: 'owners',
    maxUses: 100,
    uses: 0,
    expiresAt: now + 90 * 24 * 3600_000,
    createdBy: founder.memberId,
  });
  return { compoundId, inviteCode };
}
