import type { Storage } from '../../sync-server/storage/Storage.ts';
import { ownersMember } from './ownersMember.ts';

/** Compound `compoundId` in storage with admins and committee members of the owners' party, all joined at `now`. */
export async function compoundOf(
  s: Storage,
  compoundId: string,
  now: number,
  admins: string[],
  committee: string[] = [],
) {
  const member = (memberId: string, role: 'admin' | 'committee') => ({
    ...ownersMember(memberId, role, now),
    compoundId,
  });
  const [founder, ...others] = admins;
  await s.accounts.createCompound(
    { compoundId, name: '小区', createdAt: now },
    member(founder!, 'admin'),
    `h${founder}`,
  );
  for (const id of others) await s.accounts.addMember(member(id, 'admin'), `h${id}`);
  for (const id of committee) await s.accounts.addMember(member(id, 'committee'), `h${id}`);
}

/**
 * Three invites `createdBy` made in compound `compoundId`: `residents`, `ownParty` (committee, owners)
 * and `otherParty` (committee, property), each for five uses until a second after `now`.
 */
export async function invitesOfEachKind(s: Storage, compoundId: string, createdBy: string, now: number) {
  for (const [code, role, party] of [
    ['residents', 'resident', 'none'],
    ['ownParty', 'committee', 'owners'],
    ['otherParty', 'committee', 'property'],
  ] as const) {
    await s.accounts.createInvite({
      code,
      compoundId,
      role,
      party,
      maxUses: 5,
      uses: 0,
      expiresAt: now + 1000,
      createdBy,
    });
  }
}
