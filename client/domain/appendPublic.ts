import type { AppEvent, EventFields, EventType } from '../../shared/events/index.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { queuePhotos } from '../media/uploadQueue.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { newId } from '../sync/ids.ts';

export { newId };

/**
 * Appends one event of the public log as this member (works offline). Checked first with the
 * relay's own rules, so it throws RuleError instead of writing something the relay would refuse.
 * Photos the event names are queued for upload once it is written.
 */
export function appendPublic<T extends EventType>(session: CompoundSession, type: T, fields: EventFields<T>): string {
  const event = publicEvent(session, type, fields);
  appendPublicEvents(session, [event]);
  return event.id;
}

/** A public event by this member, checked with the relay's rules (throws RuleError), not written yet. */
export function publicEvent<T extends EventType>(session: CompoundSession, type: T, fields: EventFields<T>): AppEvent {
  return checkEvent(
    { id: newId(), type, at: session.doc('public').stamp(), by: session.member.memberId, ...fields },
    session.member,
    'public',
  );
}

/**
 * Writes checked events in one transaction, so a form that makes two (a fund and its opening
 * balance) leaves both or, when building the second throws, neither: a retry then makes no twin.
 */
export function appendPublicEvents(session: CompoundSession, events: readonly AppEvent[]): void {
  session.doc('public').append([...events]);
  const photos = events.flatMap(photosOf);
  if (photos.length) void queuePhotos(session.compoundId, photos);
}

function photosOf(fields: object): string[] {
  const f = fields as { photos?: string[]; onPaper?: { photos?: string[] }; receipts?: string[]; quotes?: string[] };
  return [...(f.photos ?? []), ...(f.onPaper?.photos ?? []), ...(f.receipts ?? []), ...(f.quotes ?? [])];
}

/** Drops empty optional text so the event carries only what was said. */
export function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const v = value?.trim();
  return v ? ({ [key]: v } as Record<K, string>) : {};
}
