import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { minutesDocName, parseDocName, roomName } from '../shared/rooms.ts';
import { generateCompound } from '../shared/sample/generate.ts';
import { sampleImageData } from '../shared/sample/sampleImageData.ts';
import { joinedEvent } from './api/compounds.ts';
import type { Services } from './api/context.ts';
import { sniffImageType } from './api/images.ts';
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

interface SampleImage {
  hash: string;
  type: string;
  bytes: Uint8Array;
}

/** The sample's pictures checked as an upload is (type by magic bytes, size limit) and keyed by sha-256. */
function sampleImages(maxBytes: number): { photos: SampleImage[]; papers: SampleImage[] } {
  const image = (base64: string): SampleImage => {
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    const type = sniffImageType(bytes);
    if (!type || bytes.byteLength > maxBytes) throw new Error('a sample image the relay would refuse');
    return { hash: createHash('sha256').update(bytes).digest('hex'), type, bytes };
  };
  return { photos: sampleImageData.photos.map(image), papers: sampleImageData.papers.map(image) };
}

/**
 * Creates a demo compound filled with the half year up to today of realistic sample data (DEMO=1),
 * with its pictures, and an invite anyone may use to join it as an owners' committee member.
 */
export async function createDemoCompound(s: Services): Promise<{ compoundId: string; inviteCode: string }> {
  const compoundId = newId(9);
  const now = s.now();
  const images = sampleImages(s.config.imageMaxBytes);
  // The half year ends today, so deadlines, meetings and the latest activity read as this month's.
  const sample = generateCompound({
    seed: 2024,
    scale: 'demo',
    founderName: '社区书记 王秀英',
    end: now,
    images: { photos: images.photos.map((i) => i.hash), papers: images.papers.map((i) => i.hash) },
  });
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
  for (const { hash, type, bytes } of [...images.photos, ...images.papers])
    await s.storage.blobs.putBlob({ compoundId, hash, type, bytes });
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
