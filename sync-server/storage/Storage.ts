import type { MemberParty, Role } from '../../shared/roles.ts';

/** Stored (nothing), or refused because another update already stored this event id in the room. */
export type AppendResult = undefined | { duplicate: string };

/** What a compaction replaces: the rows appended since the newest merged row, or every row. */
export type MergeScope = 'tail' | 'full';

/** A room's rows as a compaction plan sees them: merged rows first, then the rows appended since. */
export interface RowLayout {
  /** Bytes of each row an earlier compaction wrote, oldest first. */
  merged: number[];
  /** Rows appended since the newest merged row. */
  fresh: number;
  freshBytes: number;
}

/** Yjs updates of every room, appended in order. */
export interface DocStore {
  /** Every stored update of a room, oldest first. */
  load(room: string): Promise<Uint8Array[]>;
  /**
   * The same updates, oldest first, read `size` rows at a time so a big room never sits in memory
   * twice. Each batch starts after the last row read: a compaction meanwhile loses nothing, since its
   * merged row takes the id of the newest row it replaces.
   */
  loadBatches(room: string, size: number): AsyncIterable<Uint8Array[]>;
  /**
   * Appends one update durably; the relay forwards it only after this settles. Implementations
   * may batch the appends of one event-loop turn into one commit. Storage shared by several
   * instances keeps event ids unique per room: an update carrying an id already stored is not
   * stored, and the answer names that id.
   */
  append(room: string, update: Uint8Array, eventIds?: readonly string[]): AppendResult | Promise<AppendResult>;
  /** How many updates a room has stored. */
  count(room: string): Promise<number>;
  /**
   * Replaces stored updates with `merge(updates, scope)` in one step, as `plan` chooses from the
   * room's rows (without it: `full`). `tail` replaces the rows appended since the newest merged
   * row, leaving the merged rows before it alone; `full` replaces every row. The merged update is
   * a merged row and takes the id of the newest row it replaces, so updates appended meanwhile
   * stay after it. `merge` may return more than the updates it is given (the room's whole state),
   * never less: Yjs updates are idempotent. `merge` may read the updates lazily, once, and must not
   * touch the store while it runs. A merge that answers later (on a worker thread) reads every
   * update before it returns; the store then replaces the rows it read once the answer comes. Nothing is replaced when `plan` says null or there are fewer
   * than two rows in scope. Returns the number of rows before and after.
   */
  compact(
    room: string,
    merge: (updates: Iterable<Uint8Array>, scope: MergeScope) => Uint8Array | Promise<Uint8Array>,
    plan?: (layout: RowLayout) => MergeScope | null,
  ): Promise<{ before: number; after: number }>;
  /** Bytes stored for a room (for the bench and for monitoring). */
  bytes(room: string): Promise<number>;
}

export interface CompoundRow {
  compoundId: string;
  name: string;
  createdAt: number;
}

export interface MemberRow {
  memberId: string;
  compoundId: string;
  name: string;
  role: Role;
  party: MemberParty;
  /** A partner's unit (共建单位); absent for everyone else. */
  unit?: string;
  joinedAt: number;
  revokedAt: number | null;
}

export interface InviteRow {
  code: string;
  compoundId: string;
  role: Role;
  party: MemberParty;
  /** The unit a partner invite joins people to. */
  unit?: string;
  maxUses: number;
  uses: number;
  expiresAt: number;
  /** The member who made it; the invite works only while they are a member. */
  createdBy: string;
  /** When an admin revoked it or its maker was removed; null while it may be used. */
  revokedAt: number | null;
}

/** Why an invite cannot be used: `revoked` also covers an invite whose maker is no longer a member. */
export type RedeemRefusal = 'not_found' | 'revoked' | 'expired' | 'used_up';
export type RedeemResult = { ok: true; invite: InviteRow } | { ok: false; reason: RedeemRefusal };
/** What joining with an invite would give, with the compound's name; a refused one names no compound. */
export type PreviewResult =
  | { ok: true; invite: InviteRow; compoundName: string }
  | { ok: false; reason: RedeemRefusal };

/** Why a role cannot be given: no such active member, not a committee member, or the last admin stepping back. */
/** `not_admin`: the acting member is not (or no longer) an active admin of the member's compound. */
export type RoleRefusal = 'not_found' | 'not_admin' | 'not_committee' | 'last_admin';
/** `changed` is false when the member had the role already (nothing written). */
export type RoleResult = { ok: true; changed: boolean; member: MemberRow } | { ok: false; reason: RoleRefusal };
/** Why a member cannot be removed: as for a role, and `self` (an admin does not remove themselves). */
export type RemovalRefusal = 'not_found' | 'not_admin' | 'last_admin' | 'self';
/**
 * `removed` is false when the member was removed already (nothing written); `steppedDown`, when they
 * were an admin and are now a committee member as well as removed.
 */
export type RemovalResult =
  | { ok: true; removed: boolean; steppedDown: boolean }
  | { ok: false; reason: RemovalRefusal };

/** Compounds, members (by token hash) and invites. */
export interface AccountStore {
  createCompound(compound: CompoundRow, founder: MemberRow, tokenHash: string): Promise<void>;
  getCompound(compoundId: string): Promise<CompoundRow | undefined>;
  memberByTokenHash(tokenHash: string): Promise<MemberRow | undefined>;
  getMember(memberId: string): Promise<MemberRow | undefined>;
  /** The rows of those of `memberIds` that exist, in any order, read in one statement. */
  getMembers(memberIds: readonly string[]): Promise<MemberRow[]>;
  addMember(member: MemberRow, tokenHash: string): Promise<void>;
  /** Revokes an active member, with no check of who asks (tests and the operator); false if they were not one. */
  revokeMember(memberId: string, at: number): Promise<boolean>;
  /**
   * Removes a member at the word of the admin `by`, in one transaction that reads `by` with the
   * member and the compound's other admins (`removalRefusal`): an admin is made a committee member
   * and revoked at once, so a removal is never left half done, and only a current admin removes.
   * Every invite the member made is revoked at `at` too.
   */
  removeMember(memberId: string, at: number, by: string): Promise<RemovalResult>;
  /** Replaces an active member's token hash if it is still `oldHash`; false if it was not. */
  rotateToken(memberId: string, oldHash: string, newHash: string): Promise<boolean>;
  createInvite(invite: Omit<InviteRow, 'revokedAt'>): Promise<void>;
  /**
   * Counts one use of an invite atomically, if at `now` it is not revoked, expired or used up and
   * its maker is still a member.
   */
  redeemInvite(code: string, now: number): Promise<RedeemResult>;
  /** What `redeemInvite` would answer at `now`, with the compound's name, without counting a use. */
  previewInvite(code: string, now: number): Promise<PreviewResult>;
  /** A compound's invites that `redeemInvite` would accept at `now`, soonest to expire first. */
  listInvites(compoundId: string, now: number): Promise<InviteRow[]>;
  /** Revokes one invite of the compound; false if the compound has no such invite. Revoking twice keeps the first time. */
  revokeInvite(compoundId: string, code: string, at: number): Promise<boolean>;
  /** Revokes every invite a member made that is not revoked yet; returns how many. */
  revokeInvitesBy(memberId: string, at: number): Promise<number>;
  /**
   * Makes an active committee member an admin, or an admin a committee member, at the word of the
   * admin `by`: checked (`roleRefusal`, `by`'s own role included) and written in one transaction, so
   * the compound always keeps an active admin and only a current admin changes roles. An admin made
   * a committee member loses the committee invites they made into other parties (only admins make
   * those), revoked at `at`.
   */
  setRole(memberId: string, role: 'admin' | 'committee', at: number, by: string): Promise<RoleResult>;
}

export interface BlobRow {
  hash: string;
  compoundId: string;
  type: string;
  bytes: Uint8Array;
}

export interface BlobUsage {
  count: number;
  bytes: number;
}

/** Content-addressed images per compound. */
export interface BlobStore {
  /**
   * Stores an image (a second copy of the same one is kept once). `admit`, if given, sees the
   * compound's usage before the image and throws to refuse it; no other upload of the compound
   * is stored between that look and this write, on any instance.
   */
  putBlob(blob: BlobRow, admit?: (used: BlobUsage) => void): Promise<void>;
  getBlob(compoundId: string, hash: string): Promise<BlobRow | undefined>;
  /** How many images a compound holds and their bytes, for its quota. */
  usage(compoundId: string): Promise<BlobUsage>;
}

export interface Storage {
  docs: DocStore;
  accounts: AccountStore;
  blobs: BlobStore;
  close(): Promise<void>;
}
