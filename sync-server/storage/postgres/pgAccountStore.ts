import type { Pool, PoolClient } from 'pg';
import { inviteRefusal } from '../inviteRefusal.ts';
import { removalRefusal, roleRefusal } from '../roleRefusal.ts';
import type { AccountStore, InviteRow, MemberRow, PreviewResult, RedeemResult, RoleResult } from '../Storage.ts';

interface MemberDbRow {
  member_id: string;
  compound_id: string;
  name: string;
  role: MemberRow['role'];
  party: MemberRow['party'];
  unit: string | null;
  joined_at: string;
  revoked_at: string | null;
}

interface InviteDbRow {
  code: string;
  compound_id: string;
  role: InviteRow['role'];
  party: InviteRow['party'];
  unit: string | null;
  max_uses: number;
  uses: number;
  expires_at: string;
  created_by: string;
  revoked_at: string | null;
}

// BIGINT arrives as a string: times are ms since epoch, well inside a double's exact range.
const num = (s: string | null) => (s === null ? null : Number(s));

const toMember = (r: MemberDbRow): MemberRow => ({
  memberId: r.member_id,
  compoundId: r.compound_id,
  name: r.name,
  role: r.role,
  party: r.party,
  ...(r.unit === null ? {} : { unit: r.unit }),
  joinedAt: Number(r.joined_at),
  revokedAt: num(r.revoked_at),
});

const toInvite = (r: InviteDbRow): InviteRow => ({
  code: r.code,
  compoundId: r.compound_id,
  role: r.role,
  party: r.party,
  ...(r.unit === null ? {} : { unit: r.unit }),
  maxUses: r.max_uses,
  uses: r.uses,
  expiresAt: Number(r.expires_at),
  createdBy: r.created_by,
  revokedAt: num(r.revoked_at),
});

// An invite's maker must still be an active member of its compound for it to work.
const makerActive = `EXISTS (SELECT 1 FROM members m
  WHERE m.member_id = invites.created_by AND m.compound_id = invites.compound_id AND m.revoked_at IS NULL)`;

const insertMember =
  'INSERT INTO members (member_id, compound_id, name, role, party, unit, token_hash, joined_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)';
const memberValues = (m: MemberRow, hash: string) => [
  m.memberId,
  m.compoundId,
  m.name,
  m.role,
  m.party,
  m.unit ?? null,
  hash,
  m.joinedAt,
];

/**
 * The member `id`, the actor `by` and every active admin of the actor's compound, locked FOR UPDATE in
 * member id order: two role changes or removals at once on two instances wait for each other without
 * a deadlock, and the second reads the first's change (a row locked after a wait is read again).
 * With the others, the count of active admins besides the member.
 */
async function lockForRoleChange(client: PoolClient, id: string, by: string) {
  const rows = (
    await client.query<MemberDbRow>(
      `SELECT * FROM members WHERE compound_id = (SELECT compound_id FROM members WHERE member_id = $2)
        AND (member_id IN ($1, $2) OR (role = 'admin' AND revoked_at IS NULL)) ORDER BY member_id FOR UPDATE`,
      [id, by],
    )
  ).rows.map(toMember);
  return {
    member: rows.find((m) => m.memberId === id),
    actor: rows.find((m) => m.memberId === by),
    otherAdmins: rows.filter((m) => m.memberId !== id && m.role === 'admin' && m.revokedAt === null).length,
  };
}

async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** Compounds, members (found by token hash) and invites, as the SQLite store keeps them. */
export function pgAccountStore(pool: Pool): AccountStore {
  const one = async <R extends object>(sql: string, values: unknown[]) => (await pool.query<R>(sql, values)).rows[0];
  const changes = async (sql: string, values: unknown[]) => (await pool.query(sql, values)).rowCount ?? 0;

  return {
    async createCompound(c, m, hash) {
      await inTransaction(pool, async (client) => {
        await client.query('INSERT INTO compounds (compound_id, name, created_at) VALUES ($1, $2, $3)', [
          c.compoundId,
          c.name,
          c.createdAt,
        ]);
        await client.query(insertMember, memberValues(m, hash));
      });
    },
    async getCompound(id) {
      const r = await one<{ compound_id: string; name: string; created_at: string }>(
        'SELECT * FROM compounds WHERE compound_id = $1',
        [id],
      );
      return r && { compoundId: r.compound_id, name: r.name, createdAt: Number(r.created_at) };
    },
    async memberByTokenHash(hash) {
      const r = await one<MemberDbRow>('SELECT * FROM members WHERE token_hash = $1', [hash]);
      return r && toMember(r);
    },
    async getMember(id) {
      const r = await one<MemberDbRow>('SELECT * FROM members WHERE member_id = $1', [id]);
      return r && toMember(r);
    },
    async getMembers(ids) {
      const r = await pool.query<MemberDbRow>('SELECT * FROM members WHERE member_id = ANY($1)', [ids]);
      return r.rows.map(toMember);
    },
    async addMember(m, hash) {
      await pool.query(insertMember, memberValues(m, hash));
    },
    async revokeMember(id, at) {
      return (
        (await changes('UPDATE members SET revoked_at = $1 WHERE member_id = $2 AND revoked_at IS NULL', [at, id])) > 0
      );
    },
    async removeMember(id, at, by) {
      return inTransaction(pool, async (client) => {
        const { member, actor, otherAdmins } = await lockForRoleChange(client, id, by);
        const refusal = removalRefusal(member, otherAdmins, actor);
        if (refusal || !member) return { ok: false, reason: refusal ?? 'not_found' };
        if (member.revokedAt !== null) return { ok: true, removed: false, steppedDown: false };
        // An admin removed is a committee member as well: the role no longer counts among the admins.
        await client.query(
          "UPDATE members SET revoked_at = $1, role = CASE role WHEN 'admin' THEN 'committee' ELSE role END WHERE member_id = $2",
          [at, id],
        );
        await client.query('UPDATE invites SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL', [at, id]);
        return { ok: true, removed: true, steppedDown: member.role === 'admin' };
      });
    },
    async setRole(id, role, at, by): Promise<RoleResult> {
      return inTransaction(pool, async (client) => {
        const { member, actor, otherAdmins } = await lockForRoleChange(client, id, by);
        const refusal = roleRefusal(member, role, otherAdmins, actor);
        if (refusal || !member) return { ok: false, reason: refusal ?? 'not_found' };
        if (member.role === role) return { ok: true, changed: false, member };
        await client.query('UPDATE members SET role = $1 WHERE member_id = $2', [role, id]);
        if (role !== 'admin')
          await client.query(
            "UPDATE invites SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL AND role = 'committee' AND party <> $3",
            [at, id, member.party],
          );
        return { ok: true, changed: true, member: { ...member, role } };
      });
    },
    async rotateToken(id, oldHash, newHash) {
      const sql = 'UPDATE members SET token_hash = $1 WHERE member_id = $2 AND token_hash = $3 AND revoked_at IS NULL';
      return (await changes(sql, [newHash, id, oldHash])) > 0;
    },
    async createInvite(i) {
      await pool.query(
        'INSERT INTO invites (code, compound_id, role, party, unit, max_uses, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [i.code, i.compoundId, i.role, i.party, i.unit ?? null, i.maxUses, i.expiresAt, i.createdBy],
      );
    },
    async redeemInvite(code, now): Promise<RedeemResult> {
      return inTransaction(pool, async (client) => {
        // FOR UPDATE: two instances redeeming the last use at once count it once.
        const r = (
          await client.query<InviteDbRow & { maker_active: boolean }>(
            `SELECT *, ${makerActive} AS maker_active FROM invites WHERE code = $1 FOR UPDATE`,
            [code],
          )
        ).rows[0];
        if (!r) return { ok: false, reason: 'not_found' };
        const invite = toInvite(r);
        const refusal = inviteRefusal(invite, r.maker_active, now);
        if (refusal) return { ok: false, reason: refusal };
        await client.query('UPDATE invites SET uses = uses + 1 WHERE code = $1', [code]);
        return { ok: true, invite: { ...invite, uses: r.uses + 1 } };
      });
    },
    async previewInvite(code, now): Promise<PreviewResult> {
      // No lock and no transaction: a preview counts nothing, and joining checks again.
      const r = await one<InviteDbRow & { maker_active: boolean; compound_name: string }>(
        `SELECT invites.*, ${makerActive} AS maker_active, compounds.name AS compound_name
          FROM invites JOIN compounds ON compounds.compound_id = invites.compound_id WHERE code = $1`,
        [code],
      );
      if (!r) return { ok: false, reason: 'not_found' };
      const invite = toInvite(r);
      const refusal = inviteRefusal(invite, r.maker_active, now);
      return refusal ? { ok: false, reason: refusal } : { ok: true, invite, compoundName: r.compound_name };
    },
    async listInvites(compoundId, now) {
      const r = await pool.query<InviteDbRow>(
        `SELECT * FROM invites WHERE compound_id = $1 AND revoked_at IS NULL AND expires_at > $2 AND uses < max_uses
          AND ${makerActive} ORDER BY expires_at, code`,
        [compoundId, now],
      );
      return r.rows.map(toInvite);
    },
    async revokeInvite(compoundId, code, at) {
      const sql = 'UPDATE invites SET revoked_at = coalesce(revoked_at, $1) WHERE code = $2 AND compound_id = $3';
      return (await changes(sql, [at, code, compoundId])) > 0;
    },
    async revokeInvitesBy(memberId, at) {
      return changes('UPDATE invites SET revoked_at = $1 WHERE created_by = $2 AND revoked_at IS NULL', [at, memberId]);
    },
  };
}
