import * as v from 'valibot';
import { Line, noControl } from '../events/envelope.ts';
import { PartySchema } from '../roles.ts';

// Strict: a field the server does not know is a 400, never silently dropped.

/**
 * Line and paragraph separators, and the marks that reorder text around them: in a name they break
 * lists and printed minutes onto new lines, or show another name than the one stored.
 */
const LAYOUT_MARKS = /[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Characters that take no room: a name made only of them (and spaces) looks blank. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/g;

/** A name or code kept as text in storage: one line, no control characters, something to see. */
const Name = (max: number) =>
  v.pipe(
    Line(max),
    v.check(noControl, 'control character'),
    v.check((s) => !LAYOUT_MARKS.test(s), 'line separator or direction mark'),
    v.check((s) => s.replace(INVISIBLE, '') !== '', 'nothing visible'),
  );

/** POST /api/compounds: a new compound and its founder, who becomes its admin. */
export const CreateCompoundBody = v.strictObject({ name: Name(60), founderName: Name(60), party: PartySchema });
export type CreateCompoundBody = v.InferInput<typeof CreateCompoundBody>;

/** POST /api/compounds/:compoundId/invites: a committee invite names its party, a partner invite its unit. */
export const CreateInviteBody = v.strictObject({
  role: v.picklist(['resident', 'committee', 'partner']),
  party: v.optional(PartySchema),
  /** The partner unit (共建单位) a partner invite joins people to. */
  unit: v.optional(Name(100)),
  maxUses: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 1),
  ttlHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 90)), 72),
});
export type CreateInviteBody = v.InferInput<typeof CreateInviteBody>;

/** PUT /api/compounds/:compoundId/members/:memberId/role: an admin makes a committee member an admin, or an admin a committee member. */
export const SetRoleBody = v.strictObject({ role: v.picklist(['admin', 'committee']) });
export type SetRoleBody = v.InferInput<typeof SetRoleBody>;

/** An invite code, as joining and previewing both take it: the two agree on which codes are malformed. */
export const InviteCode = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.check(noControl, 'control character'));

/** POST /api/join: redeem an invite code under a display name. */
export const JoinBody = v.strictObject({ code: InviteCode, name: Name(60) });
export type JoinBody = v.InferInput<typeof JoinBody>;
