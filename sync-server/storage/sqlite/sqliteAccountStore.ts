import type Database from 'better-sqlite3';
import { inviteRefusal } from '../inviteRefusal.ts';
import { type GivenRole, removalRefusal, roleRefusal } from '../roleRefusal.ts';
import type {
  AccountStore,
  CompoundRow,
  InviteRow,
  MemberRow,
  PreviewResult,
  RedeemResult,
  RemovalResult,
  RoleResult,
} from '../Storage.ts';

interface MemberDbRow {
  member_id: string;
  compound_id: string;
  name: string;
  role: MemberRow['role'];
  party: MemberRow['party'];
  unit: string | null;
  joined_at: number;
  revoked_at: number | null;
}

interface InviteDbRow {
  code: string;
  compound_id: string;
  role: InviteRow['role'];
  party: InviteRow['party'];
  unit: string | null;
  max_uses: number;
  uses: number;
  expires_at: number;
  created_by: string;
  revoked_at: number | null;
}

const toMember = (r: MemberDbRow): MemberRow => ({
  memberId: r.member_id,
  compoundId: r.compound_id,
  name: r.name,
  role: r.role,
  party: r.party,
  ...(r.unit === null ? {} : { unit: r.unit }),
  joinedAt: r.joined_at,
  revokedAt: r.revoked_at,
});

const toInvite = (r: InviteDbRow): InviteRow => ({
  code: r.code,
  compoundId: r.compound_id,
  role: r.role,
  party: r.party,
  ...(r.unit === null ? {} : { unit: r.unit }),
  maxUses: r.max_uses,
  uses: r.uses,
  expiresAt: r.expires_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});

// An invite's maker must still be an active member of its compound for it to work.
const makerActive = `EXISTS (SELECT 1 FROM members m
  WHERE m.member_id = invites.created_by AND m.compound_id = invites.compound_id AND m.revoked_at IS NULL)`;

/** Compounds, members (found by token hash) and invites in the `compounds`, `members` and `invites` tables. */
export function sqliteAccountStore(db: Database.Database): AccountStore {
  const q = {
    compound: db.prepare<[string], { compound_id: string; name: string; created_at: number }>(
      'SELECT * FROM compounds WHERE compound_id = ?',
    ),
    insertCompound: db.prepare<[string, string, number]>(
      'INSERT INTO compounds (compound_id, name, created_at) VALUES (?, ?, ?)',
    ),
    insertMember: db.prepare<[string, string, string, string, string, string | null, string, number]>(
      'INSERT INTO members (member_id, compound_id, name, role, party, unit, token_hash, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    memberByHash: db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE token_hash = ?'),
    member: db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE member_id = ?'),
    // The ids as one JSON array: any number of them in one statement, no limit on bound variables.
    members: db.prepare<[string], MemberDbRow>(
      'SELECT * FROM members WHERE member_id IN (SELECT value FROM json_each(?))',
    ),
    revoke: db.prepare<[number, string]>(
      'UPDATE members SET revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL',
    ),
    // An admin removed is a committee member as well: the role no longer counts among the admins.
    remove: db.prepare<[number, string]>(
      "UPDATE members SET revoked_at = ?, role = CASE role WHEN 'admin' THEN 'committee' ELSE role END WHERE member_id = ?",
    ),
    rotate: db.prepare<[string, string, string]>(
      'UPDATE members SET token_hash = ? WHERE member_id = ? AND token_hash = ? AND revoked_at IS NULL',
    ),
    insertInvite: db.prepare<[string, string, string, string, string | null, number, number, string]>(
      'INSERT INTO invites (code, compound_id, role, party, unit, max_uses, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    invite: db.prepare<[string], InviteDbRow & { maker_active: 0 | 1 }>(
      `SELECT *, ${makerActive} AS maker_active FROM invites WHERE code = ?`,
    ),
    preview: db.prepare<[string], InviteDbRow & { maker_active: 0 | 1; compound_name: string }>(
      `SELECT invites.*, ${makerActive} AS maker_active, compounds.name AS compound_name
        FROM invites JOIN compounds ON compounds.compound_id = invites.compound_id WHERE code = ?`,
    ),
    useInvite: db.prepare<[string]>('UPDATE invites SET uses = uses + 1 WHERE code = ?'),
    liveInvites: db.prepare<[string, number], InviteDbRow>(
      `SELECT * FROM invites WHERE compound_id = ? AND revoked_at IS NULL AND expires_at > ? AND uses < max_uses
        AND ${makerActive} ORDER BY expires_at, code`,
    ),
    revokeInvite: db.prepare<[number, string, string]>(
      'UPDATE invites SET revoked_at = coalesce(revoked_at, ?) WHERE code = ? AND compound_id = ?',
    ),
    revokeInvitesBy: db.prepare<[number, string]>(
      'UPDATE invites SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL',
    ),
    otherAdmins: db.prepare<[string, string], { n: number }>(
      "SELECT count(*) AS n FROM members WHERE compound_id = ? AND member_id <> ? AND role = 'admin' AND revoked_at IS NULL",
    ),
    setRole: db.prepare<[string, string]>('UPDATE members SET role = ? WHERE member_id = ?'),
    revokeOtherPartyInvites: db.prepare<[number, string, string]>(
      "UPDATE invites SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL AND role = 'committee' AND party <> ?",
    ),
  };

  // The member, the actor and how many other active admins the member's compound has, read inside
  // the transaction of a role change or removal (SQLite runs one writer at a time).
  const standings = (id: string, by: string) => {
    const r = q.member.get(id);
    const member = r && toMember(r);
    const actor = q.member.get(by);
    const otherAdmins = member ? (q.otherAdmins.get(member.compoundId, id)?.n ?? 0) : 0;
    return { member, actor: actor && toMember(actor), otherAdmins };
  };

  const setRoleTx = db.transaction((id: string, role: GivenRole, at: number, by: string): RoleResult => {
    const { member, actor, otherAdmins } = standings(id, by);
    const refusal = roleRefusal(member, role, otherAdmins, actor);
    if (refusal || !member) return { ok: false, reason: refusal ?? 'not_found' };
    if (member.role === role) return { ok: true, changed: false, member };
    q.setRole.run(role, id);
    if (role !== 'admin') q.revokeOtherPartyInvites.run(at, id, member.party);
    return { ok: true, changed: true, member: { ...member, role } };
  });

  const removeTx = db.transaction((id: string, at: number, by: string): RemovalResult => {
    const { member, actor, otherAdmins } = standings(id, by);
    const refusal = removalRefusal(member, otherAdmins, actor);
    if (refusal || !member) return { ok: false, reason: refusal ?? 'not_found' };
    if (member.revokedAt !== null) return { ok: true, removed: false, steppedDown: false };
    q.remove.run(at, id);
    q.revokeInvitesBy.run(at, id);
    return { ok: true, removed: true, steppedDown: member.role === 'admin' };
  });

  const createCompoundTx = db.transaction((c: CompoundRow, m: MemberRow, hash: string) => {
    q.insertCompound.run(c.compoundId, c.name, c.createdAt);
    q.insertMember.run(m.memberId, m.compoundId, m.name, m.role, m.party, m.unit ?? null, hash, m.joinedAt);
  });

  const redeemTx = db.transaction((code: string, now: number): RedeemResult => {
    const r = q.invite.get(code);
    if (!r) return { ok: false, reason: 'not_found' };
    const invite = toInvite(r);
    const refusal = inviteRefusal(invite, r.maker_active === 1, now);
    if (refusal) return { ok: false, reason: refusal };
    q.useInvite.run(code);
    return { ok: true, invite: { ...invite, uses: r.uses + 1 } };
  });

  const preview = (code: string, now: number): PreviewResult => {
    const r = q.preview.get(code);
    if (!r) return { ok: false, reason: 'not_found' };
    const invite = toInvite(r);
    const refusal = inviteRefusal(invite, r.maker_active === 1, now);
    return refusal ? { ok: false, reason: refusal } : { ok: true, invite, compoundName: r.compound_name };
  };

  return {
    async createCompound(c, m, hash) {
      createCompoundTx(c, m, hash);
    },
    async getCompound(id) {
      const r = q.compound.get(id);
      return r && { compoundId: r.compound_id, name: r.name, createdAt: r.created_at };
    },
    async memberByTokenHash(hash) {
      const r = q.memberByHash.get(hash);
      return r && toMember(r);
    },
    async getMember(id) {
      const r = q.member.get(id);
      return r && toMember(r);
    },
    async getMembers(ids) {
      return q.members.all(JSON.stringify(ids)).map(toMember);
    },
    async addMember(m, hash) {
      q.insertMember.run(m.memberId, m.compoundId, m.name, m.role, m.party, m.unit ?? null, hash, m.joinedAt);
    },
    async revokeMember(id, at) {
      return q.revoke.run(at, id).changes > 0;
    },
    async removeMember(id, at, by) {
      return removeTx(id, at, by);
    },
    async setRole(id, role, at, by) {
      return setRoleTx(id, role, at, by);
    },
    async rotateToken(id, oldHash, newHash) {
      return q.rotate.run(newHash, id, oldHash).changes > 0;
    },
    async createInvite(i) {
      q.insertInvite.run(i.code, i.compoundId, i.role, i.party, i.unit ?? null, i.maxUses, i.expiresAt, i.createdBy);
    },
    async redeemInvite(code, now) {
      return redeemTx(code, now);
    },
    async previewInvite(code, now) {
      return preview(code, now);
    },
    async listInvites(compoundId, now) {
      return q.liveInvites.all(compoundId, now).map(toInvite);
    },
    async revokeInvite(compoundId, code, at) {
      return q.revokeInvite.run(at, code, compoundId).changes > 0;
    },
    async revokeInvitesBy(memberId, at) {
      return q.revokeInvitesBy.run(at, memberId).changes;
    },
  };
}
