import * as v from 'valibot';
import { PartySchema, RoleSchema } from '../roles.ts';
import { defineEvent, Line, MemberId } from './envelope.ts';

/** Written by the server only, into the `members` document. */
export const MemberJoined = defineEvent('member.joined', {
  memberId: MemberId,
  name: Line(60),
  role: RoleSchema,
  party: v.union([PartySchema, v.literal('none')]),
});

export const MemberRevoked = defineEvent('member.revoked', {
  memberId: MemberId,
});

export const memberEvents = [MemberJoined, MemberRevoked] as const;
