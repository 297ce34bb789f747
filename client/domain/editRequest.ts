import type { RequestState } from '../../shared/folds/index.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { appendPublic } from './appendPublic.ts';

/** The words of a request its raiser may correct before it is decided (photos and category stay). */
export interface RequestWords {
  title: string;
  building: string;
  location: string;
  detail: string;
}

export type RequestWordsPatch = Partial<RequestWords>;

/** Why an edit cannot be written: codes, the words are the catalogs'. */
export type EditRefusal =
  | { code: 'title_empty' }
  | { code: 'nothing_changed' }
  /** A building or place once given can be changed, not emptied (the event has no way to say "none"). */
  | { code: 'cannot_clear'; field: 'building' | 'location' };

export function wordsOf(r: RequestState): RequestWords {
  return { title: r.title, building: r.building ?? '', location: r.location ?? '', detail: r.detail ?? '' };
}

/** What the form changed, trimmed, as the fields of a `request.edited`; or why it cannot be written. */
export function requestEdit(r: RequestState, form: RequestWords): { patch: RequestWordsPatch } | EditRefusal {
  const before = wordsOf(r);
  const patch: RequestWordsPatch = {};
  const title = form.title.trim();
  if (!title) return { code: 'title_empty' };
  if (title !== before.title) patch.title = title;
  for (const field of ['building', 'location'] as const) {
    const now = form[field].trim();
    if (now === before[field]) continue;
    if (!now) return { code: 'cannot_clear', field };
    patch[field] = now;
  }
  const detail = form.detail.trim();
  if (detail !== before.detail.trim()) patch.detail = detail;
  return Object.keys(patch).length > 0 ? { patch } : { code: 'nothing_changed' };
}

/** Appends the raiser's `request.edited` (only the fields that changed). */
export function editRequest(session: CompoundSession, requestId: string, patch: RequestWordsPatch): string {
  return appendPublic(session, 'request.edited', { requestId, ...patch });
}
