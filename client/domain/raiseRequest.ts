import type { Category, LedgerRef } from '../../shared/events/request.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { appendPublic, optional } from './appendPublic.ts';

export interface RaiseInput {
  title: string;
  category: Category;
  detail?: string;
  location?: string;
  building?: string;
  photos?: string[];
  meetingId?: string;
  raisedFor?: string;
  /** The ledger entry the request asks about (质询). */
  ledgerRef?: LedgerRef;
  /** Raised by 随手拍 (a snap report). */
  snap?: boolean;
}

/** Step 1 开放说事 (from the agenda's form or a meeting's quick capture): appends a `request.raised`; returns its id. */
export function raiseRequest(session: CompoundSession, input: RaiseInput): string {
  return appendPublic(session, 'request.raised', {
    title: input.title.trim(),
    category: input.category,
    ...optional('detail', input.detail),
    ...optional('location', input.location),
    ...optional('building', input.building),
    ...optional('raisedFor', input.raisedFor),
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    ...(input.photos?.length ? { photos: input.photos } : {}),
    ...(input.ledgerRef ? { ledgerRef: { kind: input.ledgerRef.kind, id: input.ledgerRef.id } } : {}),
    ...(input.snap ? { snap: true as const } : {}),
  });
}
