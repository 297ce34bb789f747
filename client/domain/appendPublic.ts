import type { EventFields, EventType } from '../../shared/events/index.ts';
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
  const event = checkEvent(
    { id: newId(), type, at: Date.now(), by: session.member.memberId, ...fields },
    session.member,
    'public',
  );
  session.doc('public').append([event]);
  const photos = photosOf(fields);
  if (photos.length) void queuePhotos(session.compoundId, photos);
  return event.id;
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
