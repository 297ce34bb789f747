import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A meeting id names the member who scheduled it: `t` + an 11-character tag of their member id +
 * 32 random hex digits. Its sign-in QR shows the id before the scheduling may have reached the relay
 * (a meeting set up offline downstairs), and the first scheduling of an id creates the meeting and
 * fixes its kind; so the relay refuses a creation of a tagged id by anyone the tag does not name
 * (`meeting_not_yours`), and a member who saw the QR cannot take the meeting first. Ids made before
 * (a UUID, or 32 hex digits) carry no tag and are judged as before.
 */
const TAGGED = /^t([A-Za-z0-9_-]{11})[0-9a-f]{32}$/;

/** 11 base64url characters (66 bits) of the member id's SHA-256. */
export function creatorTag(memberId: string): string {
  const digest = sha256(utf8ToBytes(memberId));
  let binary = '';
  for (const byte of digest.subarray(0, 9)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').slice(0, 11);
}

/** A new meeting id naming `memberId` as its creator; `random` is 16 random bytes. */
export function newMeetingId(memberId: string, random: Uint8Array): string {
  const hex = Array.from(random.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `t${creatorTag(memberId)}${hex}`;
}

/** Whether `memberId` may create the meeting `meetingId`: anyone for an untagged id, else the member it names. */
export function mayCreateMeeting(meetingId: string, memberId: string): boolean {
  const tagged = TAGGED.exec(meetingId);
  return !tagged || tagged[1] === creatorTag(memberId);
}
