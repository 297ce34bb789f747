import * as v from 'valibot';
import { Line, MemberId } from '../events/envelope.ts';
import { MemberPartySchema, PartySchema, RoleSchema } from '../roles.ts';
import { idPattern } from '../rooms.ts';
import { Timestamp } from '../time.ts';

// Request bodies are strict (an unknown field is a 400); responses are not, so a newer server
// may add fields without breaking phones that still run an older app.

const CompoundId = v.pipe(v.string(), v.regex(idPattern));

/** POST /api/compounds: a new compound and its founder, who becomes its admin. */
export const CreateCompoundBody = v.strictObject({ name: Line(60), founderName: Line(60), party: PartySchema });
export type CreateCompoundBody = v.InferInput<typeof CreateCompoundBody>;

/** POST /api/compounds/:compoundId/invites: a committee invite names its party; a resident's need not. */
export const CreateInviteBody = v.strictObject({
  role: v.picklist(['resident', 'committee']),
  party: v.optional(PartySchema),
  maxUses: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 1),
  ttlHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 90)), 72),
});
export type CreateInviteBody = v.InferInput<typeof CreateInviteBody>;

/** POST /api/join: redeem an invite code under a display name. */
export const JoinBody = v.strictObject({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), name: Line(60) });
export type JoinBody = v.InferInput<typeof JoinBody>;

/** 201 from creating a compound or joining one: the bearer token is shown this once. */
export const Credentials = v.object({
  compoundId: CompoundId,
  memberId: MemberId,
  token: v.pipe(v.string(), v.minLength(1)),
  role: RoleSchema,
  party: MemberPartySchema,
});
export type Credentials = v.InferOutput<typeof Credentials>;

/** 200 from GET /api/compounds/:compoundId. */
export const CompoundInfo = v.object({ compoundId: CompoundId, name: v.string(), createdAt: Timestamp });
export type CompoundInfo = v.InferOutput<typeof CompoundInfo>;

/** 201 from creating an invite: `url` is absolute (PUBLIC_URL or the request's origin). */
export const Invite = v.object({ code: v.string(), url: v.string(), expiresAt: Timestamp });
export type Invite = v.InferOutput<typeof Invite>;

/** 200 from GET /api/me: who the bearer token belongs to. */
export const Me = v.object({
  memberId: MemberId,
  compoundId: CompoundId,
  name: v.string(),
  role: RoleSchema,
  party: MemberPartySchema,
});
export type Me = v.InferOutput<typeof Me>;
