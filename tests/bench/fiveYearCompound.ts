/**
 * The five-year sample compound written straight into a SQLite data directory, as if its members
 * had synced it for five years, with an invite for a new owners' committee member.
 */
import * as Y from 'yjs';
import { minutesDocName, roomName } from '../../shared/rooms.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { joinedEvent } from '../../sync-server/api/compounds.ts';
import { hashToken, newId, newToken } from '../../sync-server/auth/tokens.ts';
import type { MemberRow } from '../../sync-server/storage/Storage.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';

function logUpdate(events: readonly unknown[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('events').push([...events]);
  return Y.encodeStateAsUpdate(doc);
}

export interface SeededCompound {
  compoundId: string;
  inviteCode: string;
  publicEvents: number;
  requests: number;
  /** Bytes of each document's stored state. */
  docBytes: Record<string, number>;
}

export async function seedFiveYearCompound(dataDir: string): Promise<SeededCompound> {
  const storage = openSqliteStorage(dataDir);
  try {
    const compoundId = newId(9);
    const now = Date.now();
    const sample = generateCompound({ seed: 5, scale: 'five-years', founderName: '张建华' });
    const [founder, ...others] = sample.members.map(
      (m): MemberRow => ({ ...m, compoundId, joinedAt: now, revokedAt: null }),
    );
    if (!founder) throw new Error('the sample has no members');
    await storage.accounts.createCompound(
      { compoundId, name: '五年小区', createdAt: now },
      founder,
      hashToken(newToken()),
    );
    for (const m of others) await storage.accounts.addMember(m, hashToken(newToken()));
    const docs: Record<string, Uint8Array> = {
      members: logUpdate([founder, ...others].map((m) => joinedEvent(m))),
      public: logUpdate(sample.publicEvents),
      committee: logUpdate(sample.committeeEvents),
      needs: logUpdate(sample.needsEvents),
    };
    for (const [name, update] of Object.entries(docs)) await storage.docs.append(roomName(compoundId, name), update);
    for (const [meetingId, events] of Object.entries(sample.minutes)) {
      await storage.docs.append(roomName(compoundId, minutesDocName(meetingId)), logUpdate(events));
    }
    const inviteCode = newId(16);
    await storage.accounts.createInvite({
      code: inviteCode,
      compoundId,
      role: 'committee',
      party: 'owners',
      maxUses: 100,
      uses: 0,
      expiresAt: now + 24 * 3600_000,
      createdBy: founder.memberId,
    });
    return {
      compoundId,
      inviteCode,
      publicEvents: sample.publicEvents.length,
      requests: sample.publicEvents.filter((e) => (e as { type: string }).type === 'request.raised').length,
      docBytes: Object.fromEntries(Object.entries(docs).map(([k, u]) => [k, u.byteLength])),
    };
  } finally {
    await storage.close();
  }
}
