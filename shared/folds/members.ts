import type { EventOf } from '../events/index.ts';
import type { memberEvents } from '../events/member.ts';
import type { MemberParty, Role } from '../roles.ts';
import { exhaustive } from '../rooms.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer, type Stamp } from './stamp.ts';

/** A member as the server recorded them in the `members` document. */
export interface MemberState {
  memberId: string;
  name: string;
  role: Role;
  party: MemberParty;
  joinedAt: number;
  revokedAt: number | null;
  /** Whose invite they joined with, when the server recorded it. */
  invitedBy?: string;
  /** A partner's unit (共建单位). */
  unit?: string;
  /** The role change the role comes from, when one was made: a later one (by time, then id) wins. */
  roleChanged?: Stamp;
}

type MemberEvent = EventOf<(typeof memberEvents)[number]['entries']['type']['literal']>;

/**
 * Folds the server-written `member.*` events; joining again updates name, role and party, and a role
 * change makes a committee member an admin or an admin a committee member, the latest by (at, id)
 * holding. Only the server writes the `members` document, but several instances may append at once.
 */
export const membersModule: FoldModule<MemberEvent> = {
  keys: (e) => [`mem:${e.memberId}`],
  apply(ctx, e) {
    const m = ctx.get<MemberState>(`mem:${e.memberId}`);
    switch (e.type) {
      case 'member.joined':
        ctx.put(`mem:${e.memberId}`, {
          memberId: e.memberId,
          name: e.name,
          role: e.role,
          party: e.party,
          joinedAt: m?.joinedAt ?? e.at,
          revokedAt: null,
          ...(e.invitedBy !== undefined ? { invitedBy: e.invitedBy } : {}),
          ...(e.unit !== undefined ? { unit: e.unit } : {}),
        } satisfies MemberState);
        return undefined;
      case 'member.revoked':
        if (!m) return { code: 'no_such', thing: 'member' };
        if (m.revokedAt !== null) return { code: 'already_revoked' };
        m.revokedAt = e.at;
        return undefined;
      case 'member.role-changed':
        if (!m) return { code: 'no_such', thing: 'member' };
        if (m.revokedAt !== null) return { code: 'already_revoked' };
        if (m.role !== 'admin' && m.role !== 'committee') return { code: 'not_committee' };
        // Two relay instances append to their own copies of the room: two changes made a moment apart
        // on each merge in Yjs's order, not the database's. The later by (at, id) holds in any order.
        if (!isNewer(e.at, e.id, m.roleChanged)) return undefined;
        m.role = e.role;
        m.roleChanged = { at: e.at, eventId: e.id };
        return undefined;
      default:
        return exhaustive(e);
    }
  },
};
