import { hashToken, newId, newToken } from '../../sync-server/auth/tokens.ts';
import { openSqliteStorage } from '../../sync-server/storage/sqlite/SqliteStorage.ts';
import type { Session } from './clients.ts';

/**
 * Writes compounds and their members straight into a SQLite data directory, before the server
 * starts: thousands of accounts in a second, where the join API would take minutes on a busy machine.
 * The first member of each compound is its admin; the others are residents.
 */
export async function seedMembers(dataDir: string, compounds: number, members: number): Promise<Session[][]> {
  const storage = openSqliteStorage(dataDir);
  const now = Date.now();
  const out: Session[][] = [];
  try {
    for (let c = 0; c < compounds; c++) {
      const compoundId = newId();
      const sessions: Session[] = [];
      for (let m = 0; m < members; m++) {
        const token = newToken();
        const row = {
          memberId: newId(),
          compoundId,
          name: `住户 ${m}`,
          role: m === 0 ? ('admin' as const) : ('resident' as const),
          party: 'owners' as const,
          joinedAt: now,
          revokedAt: null,
        };
        if (m === 0)
          await storage.accounts.createCompound(
            { compoundId, name: `小区 ${c}`, createdAt: now },
            row,
            hashToken(token),
          );
        else await storage.accounts.addMember(row, hashToken(token));
        sessions.push({ compoundId, memberId: row.memberId, token, role: row.role, party: row.party });
      }
      out.push(sessions);
    }
  } finally {
    await storage.close();
  }
  return out;
}
