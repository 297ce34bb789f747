import { type Accessor, createMemo } from 'solid-js';
import type { EventFields, EventType } from '../../shared/events/index.ts';
import { maskName } from '../../shared/events/practice.ts';
import {
  CompoundFold,
  type CompoundState,
  type ListingState,
  type NeedsBoard,
  needsBoard,
  type RivalClaim,
  rivalClaims,
} from '../../shared/folds/index.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { queuePhotos } from '../media/uploadQueue.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { newId } from '../sync/ids.ts';
import { useSession } from './session.ts';

export type { ListingState, NeedsBoard, RivalClaim };

const makeNeedsFold = () => new CompoundFold();

/** The needs board (揭榜领办 / 微心愿) from the `needs` document, the one document a partner unit reads. */
export function useNeeds(): {
  state: Accessor<CompoundState>;
  board: Accessor<NeedsBoard>;
  rivals: Accessor<RivalClaim[]>;
  loaded: Accessor<boolean>;
} {
  const session = useSession();
  const doc = () => session.doc('needs');
  const state = createFoldState(() => doc().events(), makeNeedsFold, { keepWithDocument: true });
  const board = createMemo(() => needsBoard(state()));
  const rivals = createMemo(() => rivalClaims(state()));
  return { state, board, rivals, loaded: () => doc().loaded() };
}

function appendNeeds<T extends EventType>(session: CompoundSession, type: T, fields: EventFields<T>): string {
  const event = checkEvent(
    { id: newId(), type, at: session.doc('needs').stamp(), by: session.member.memberId, ...fields },
    session.member,
    'needs',
  );
  session.doc('needs').append([event]);
  const f = fields as { photos?: string[]; wish?: { photos?: string[] } };
  const photos = [...(f.photos ?? []), ...(f.wish?.photos ?? [])];
  // Photos go up once the event that names them is written, as on the public log.
  if (photos.length) void queuePhotos(session.compoundId, photos);
  return event.id;
}

export interface NeedDraft {
  title: string;
  detail: string;
  /** The resident it is for, in full: only the masked form (王*) is written. */
  forName: string;
  due?: number;
  photos: string[];
  /** Whom the unit that takes it talks to (对接人), a phone number if given. */
  contact: string;
}

/** The committee puts a need or a resident's micro-wish on the board (works offline); its id is the event's. */
export function publishNeed(session: CompoundSession, d: NeedDraft): string {
  const detail = d.detail.trim();
  const forName = d.forName.trim();
  const contact = d.contact.trim();
  return appendNeeds(session, 'practice.published', {
    wish: {
      title: d.title.trim(),
      ...(detail ? { detail } : {}),
      ...(forName ? { forName: maskName(forName) } : {}),
      ...(d.due !== undefined ? { due: d.due } : {}),
      ...(d.photos.length ? { photos: d.photos } : {}),
      ...(contact ? { contact } : {}),
    },
  });
}

/** A partner unit takes a need (揭榜), under its own unit's name and the member's name as contact. */
export function claimNeed(session: CompoundSession, listingId: string): void {
  const m = session.member;
  appendNeeds(session, 'practice.claimed', { listingId, unitName: m.unit ?? '', contact: m.name });
}

/** The claimer reports what was done, with photos. */
export function reportDelivery(
  session: CompoundSession,
  listing: ListingState,
  note: string,
  photos: readonly string[],
): void {
  if (!listing.claim) return;
  appendNeeds(session, 'practice.reported', {
    listingId: listing.id,
    claimId: listing.claim.claimId,
    note: note.trim(),
    ...(photos.length ? { photos: [...photos] } : {}),
  });
}

/** The committee accepts the reported work: the need is done. */
export function acceptDelivery(session: CompoundSession, listing: ListingState): void {
  if (!listing.claim) return;
  appendNeeds(session, 'practice.accepted', { listingId: listing.id, claimId: listing.claim.claimId });
}
