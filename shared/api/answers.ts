import * as v from 'valibot';
import { MemberId } from '../events/envelope.ts';
import { MemberPartySchema, RoleSchema } from '../roles.ts';
import { idPattern } from '../rooms.ts';
import { Timestamp } from '../time.ts';

// Not strict: a newer server may add fields without breaking phones that still run an older app.

const CompoundId = v.pipe(v.string(), v.regex(idPattern));

/** 201 from creating a compound or joining one: the bearer token is shown this once. */
export const Credentials = v.object({
  compoundId: CompoundId,
  memberId: MemberId,
  token: v.pipe(v.string(), v.minLength(1)),
  role: RoleSchema,
  party: MemberPartySchema,
  /** A partner's unit (共建单位). */
  unit: v.optional(v.string()),
});
export type Credentials = v.InferOutput<typeof Credentials>;

/** 200 from GET /api/compounds/:compoundId. */
export const CompoundInfo = v.object({ compoundId: CompoundId, name: v.string(), createdAt: Timestamp });
export type CompoundInfo = v.InferOutput<typeof CompoundInfo>;

/** 201 from creating an invite: `url` is absolute (PUBLIC_URL or the request's origin). */
export const Invite = v.object({ code: v.string(), url: v.string(), expiresAt: Timestamp });
export type Invite = v.InferOutput<typeof Invite>;

/**
 * 200 from GET /api/invites/:code, to anyone holding the code: what joining with it would make
 * them, before it counts a use. Nothing of the invite's maker or of its uses.
 */
export const InvitePreview = v.object({
  compoundName: v.string(),
  role: RoleSchema,
  party: MemberPartySchema,
  /** A partner invite's unit (共建单位). */
  unit: v.optional(v.string()),
  expiresAt: Timestamp,
});
export type InvitePreview = v.InferOutput<typeof InvitePreview>;

/** 200 from GET /api/me: who the bearer token belongs to. */
export const Me = v.object({
  memberId: MemberId,
  compoundId: CompoundId,
  name: v.string(),
  role: RoleSchema,
  party: MemberPartySchema,
  unit: v.optional(v.string()),
});
export type Me = v.InferOutput<typeof Me>;

/** One invite that can still be used, as admins see it in the list. */
export const InviteSummary = v.object({
  code: v.string(),
  role: RoleSchema,
  party: MemberPartySchema,
  unit: v.optional(v.string()),
  maxUses: v.number(),
  uses: v.number(),
  expiresAt: Timestamp,
  createdBy: MemberId,
});
export type InviteSummary = v.InferOutput<typeof InviteSummary>;

/** 200 from GET /api/compounds/:compoundId/invites (admins): live invites, soonest to expire first. */
export const InviteList = v.object({ invites: v.array(InviteSummary) });
export type InviteList = v.InferOutput<typeof InviteList>;
