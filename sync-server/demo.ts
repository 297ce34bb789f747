import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { minutesDocName, parseDocName, roomName } from '../shared/rooms.ts';
import { generateCompound, type SampleImages } from '../shared/sample/generate.ts';
import { sampleImageData } from '../shared/sample/sampleImageData.ts';
import { joinedEvent } from './api/compounds.ts';
import { sniffImageType } from './api/images.ts';
import { hashToken, newId, newToken } from './auth/tokens.ts';
import type { Services } from './http.ts';
import type { MemberRow } from './storage/Storage.ts';

/** One Yjs update holding a whole event log, as if a phone had written it. */
function logUpdate(events: readonly unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('events').push([...events]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

interface StoredImage {
  hash: string;
  type: string;
  bytes: Uint8Array;
}

/** The sample's pictures checked as an upload is (type by magic bytes, size limit) and keyed by sha-256. */
function sampleImages(maxBytes: number): { refs: SampleImages; images: StoredImage[] } {
  const images: StoredImage[] = [];
  const add = (base64: string): string => {
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    const type = sniffImageType(bytes);
    if (!type || bytes.byteLength > maxBytes) throw new Error(`IMAGE_MAX_BYTES is below the demo's pictures`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    images.push({ hash, type, bytes });
    return hash;
  };
  const scenes = Object.entries(sampleImageData.scenes).map(([scene, base64]) => [scene, add(base64)]);
  const refs = {
    scenes: Object.fromEntries(scenes) as SampleImages['scenes'],
    papers: sampleImageData.papers.map(add),
  };
  return { refs, images };
}

/**
 * Creates a demo compound filled with the half year up to today of realistic sample data (DEMO=1),
 * with its pictures, and an invite anyone may use to join it as an owners' committee member. A data
 * directory that holds the demo compound already (a restart with DEMO=1) keeps it and gets a new
 * invite: the sample's member ids are fixed, and a second copy would collide with the first.
 */
export async function createDemoCompound(s: Services): Promise<{ compoundId: string; inviteCode: string }> {
  const now = s.now();
  const there = await s.storage.accounts.getMember(DEMO_FOUNDER_ID);
  if (there) return { compoundId: there.compoundId, inviteCode: await demoInvite(s, there.compoundId, there.memberId) };
  const compoundId = newId(9);
  const images = sampleImages(s.config.imageMaxBytes);
  // The half year ends today, so deadlines, meetings and the latest activity read as this month's.
  const sample = generateCompound({
    seed: DEMO_SEED,
    scale: 'demo',
    founderName: '社区书记 王秀英',
    end: now,
    images: images.refs,
  });
  const [founder, ...others] = sample.members.map(
    (m): MemberRow => ({ ...m, compoundId, joinedAt: now, revokedAt: null }),
  );
  if (founder?.memberId !== DEMO_FOUNDER_ID) throw new Error(`the sample's founder is ${founder?.memberId}`);
  // Sample members get tokens nobody knows: they exist so names show, not to sign in.
  await s.storage.accounts.createCompound(
    { compoundId, name: '阳光花园（演示小区）', createdAt: now },
    founder,
    hashToken(newToken()),
  );
  for (const m of others) await s.storage.accounts.addMember(m, hashToken(newToken()));
  for (const { hash, type, bytes } of images.images) await s.storage.blobs.putBlob({ compoundId, hash, type, bytes });
  await s.relay.appendServerEvents(
    compoundId,
    parseDocName('members')!,
    [founder, ...others].map((m) => joinedEvent(m)),
  );

  s.storage.docs.append(roomName(compoundId, 'public'), logUpdate(sample.publicEvents));
  s.storage.docs.append(roomName(compoundId, 'committee'), logUpdate(sample.committeeEvents));
  s.storage.docs.append(roomName(compoundId, 'needs'), logUpdate(sample.needsEvents));
  for (const [meetingId, events] of Object.entries(sample.minutes)) {
    s.storage.docs.append(roomName(compoundId, minutesDocName(meetingId)), logUpdate(events));
  }
  return { compoundId, inviteCode: await demoInvite(s, compoundId, founder.memberId) };
}

const DEMO_SEED = 2024;

/**
 * The sample's first member (seed 2024: the generator's first id), the demo's founder: found in the
 * data directory, the demo compound is there, whenever it was made.
 */
const DEMO_FOUNDER_ID = `m${DEMO_SEED.toString(36)}-0`;

async function demoInvite(s: Services, compoundId: string, createdBy: string): Promise<string> {
  const code = newId(16);
  await s.storage.accounts.createInvite({
    code,
    compoundId,
    role: 'committee',
    party: 'owners',
    maxUses: 100,
    uses: 0,
    expiresAt: s.now() + 90 * 24 * 3600_000,
    createdBy,
  });
  return code;
}
