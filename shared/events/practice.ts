import * as v from 'valibot';
import { Timestamp } from '../time.ts';
import { defineEvent, EventRef, ImageRefs, Line, MemberId, Text } from './envelope.ts';

/**
 * What a member does besides living here: 楼栋长, 网格员, 快递小哥 as reporters, 共建单位, and a party
 * member registering to serve where they live (党员报到服务).
 */
export const profileTags = ['building-lead', 'grid-worker', 'delivery-rider', 'partner-unit', 'party-member'] as const;
export type ProfileTag = (typeof profileTags)[number];

/** Registers a member to a building, unit and micro-grid (微网格报到); registering again replaces it. */
export const ProfileRegistered = defineEvent('practice.profile.registered', {
  memberId: MemberId,
  building: v.optional(Line(40)),
  unit: v.optional(Line(20)),
  microGrid: v.optional(Line(40)),
  tags: v.pipe(v.array(v.picklist(profileTags)), v.maxLength(profileTags.length)),
});

/** 揭榜领办: a request, or a residents' micro-wish (微心愿), offered to partner units. Its id is this event's id. */
export const ListingPublished = defineEvent('practice.published', {
  requestId: v.optional(EventRef),
  wish: v.optional(
    v.strictObject({
      title: Line(100),
      detail: v.optional(Text(1000)),
      /** Whom a resident's wish is for, masked (王*): partner units read the needs document. */
      forName: v.optional(Line(20)),
      /** By when it is wanted, ms since the epoch. */
      due: v.optional(Timestamp),
      photos: v.optional(ImageRefs),
      /**
       * Whom the unit that takes it talks to (对接人), in the committee's words, a phone number if
       * they give one: a partner unit reads no members list. Absent in events written before it.
       */
      contact: v.optional(Line(60)),
    }),
  ),
});

/** A partner unit takes a listing. The claim's id is this event's id. */
export const ListingClaimed = defineEvent('practice.claimed', {
  listingId: EventRef,
  unitName: Line(100),
  contact: Line(60),
});

/** The claimer reports back what was done. */
export const ClaimReported = defineEvent('practice.reported', {
  listingId: EventRef,
  claimId: EventRef,
  note: Line(2000),
  photos: v.optional(ImageRefs),
});

/** The committee accepts the reported work, closing the listing. */
export const ClaimAccepted = defineEvent('practice.accepted', {
  listingId: EventRef,
  claimId: EventRef,
  note: v.optional(Text(1000)),
});

export const practiceEvents = [
  ProfileRegistered,
  ListingPublished,
  ListingClaimed,
  ClaimReported,
  ClaimAccepted,
] as const;

/** A resident's name as the needs board shows it: the first character, then `*` (王小明 → 王*). */
export function maskName(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '*' : `${first}*`;
}
