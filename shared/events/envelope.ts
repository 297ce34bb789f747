import * as v from 'valibot';
import { idPattern } from '../rooms.ts';
import { Timestamp } from '../time.ts';

/**
 * True if `s` holds no control character (U+0000-U+001F, U+007F). Ids and names are stored as text
 * columns, and Postgres refuses NUL in text: the relay would fail a whole batch of appends on one.
 */
export function noControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return false;
  }
  return true;
}

/** Any unique string without control characters, e.g. crypto.randomUUID(). */
export const EventId = v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.check(noControl, 'control character'));
/** A member id, as issued by the server. */
export const MemberId = v.pipe(v.string(), v.regex(idPattern));

/** A trimmed, non-empty line of text of at most `max` characters. */
export const Line = (max = 200) =>
  v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(max),
    v.check((s) => s.trim().length > 0, 'blank'),
  );
/** Free text that may be empty, at most `max` characters. */
export const Text = (max = 4000) => v.pipe(v.string(), v.maxLength(max));
/** A reference to an image blob stored by content hash (sha-256, hex). */
export const ImageRef = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
export const ImageRefs = v.pipe(v.array(ImageRef), v.maxLength(9));
/** At least one image, e.g. the photo of a paper sign-in sheet. */
export const SomeImageRefs = v.pipe(ImageRefs, v.minLength(1));

/** The id of an earlier event: a request, fund, expense, duty... is named by the id of the event that created it. */
export const EventRef = EventId;
/** A meeting id; it also names the meeting's minutes document, so it follows the room id pattern. */
export const MeetingId = v.pipe(v.string(), v.regex(idPattern));

/** A whole number from `min` to `max`; floats, strings and NaN are refused. */
export const Int = (min: number, max: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(min), v.maxValue(max));

/** A list of at most `max` items. */
export const List = <const T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

/** A wall-clock time of day "HH:MM" in Asia/Shanghai. */
export const ClockTime = v.pipe(v.string(), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/));

/** A show-of-hands count; every number is a non-negative integer. */
export const Tally = v.strictObject({
  for: Int(0, 100_000),
  against: Int(0, 100_000),
  abstain: Int(0, 100_000),
});
export type Tally = v.InferOutput<typeof Tally>;

/**
 * An event schema: the envelope `{id, type, at, by}` plus the type's own fields.
 * Strict: unknown fields are refused, so nothing unvalidated reaches the log.
 */
export function defineEvent<const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) {
  return v.strictObject({
    id: EventId,
    type: v.literal(type),
    at: Timestamp,
    by: MemberId,
    ...entries,
  });
}

/** What every event has, whatever its type. */
export interface Envelope {
  id: string;
  type: string;
  at: number;
  by: string;
}
