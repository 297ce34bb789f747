import type { EventOf } from '../events/index.ts';
import type { ProfileTag, practiceEvents } from '../events/practice.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { CompoundState } from './CompoundState.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer } from './stamp.ts';

export interface ProfileState {
  memberId: string;
  building: string | null;
  /** The unit (entrance) within the building, if given. */
  unit: string | null;
  microGrid: string | null;
  tags: ProfileTag[];
  registeredAt: number;
  registeredBy: string;
  /** The registration this profile is: the latest by (at, id), wherever the log holds them. */
  eventId: string;
}

export interface Claim {
  claimId: string;
  unitName: string;
  contact: string;
  at: number;
  by: string;
  report: { eventId: string; note: string; photos: string[]; at: number; by: string } | null;
  accepted: { eventId: string; note: string | null; at: number; by: string } | null;
}

/** A request or micro-wish (微心愿) offered to partner units: open → claimed → reported → done. */
export interface ListingState {
  id: string;
  requestId: string | null;
  /** `forName` is already masked (王*); `due` is ms since the epoch. */
  wish: { title: string; detail: string | null; forName: string | null; due: number | null; photos: string[] } | null;
  publishedAt: number;
  publishedBy: string;
  status: 'open' | 'claimed' | 'reported' | 'done';
  claim: Claim | null;
}

export interface PracticeState {
  profiles: Record<string, ProfileState>;
  listings: Record<string, ListingState>;
}

type PracticeEvent = EventOf<(typeof practiceEvents)[number]['entries']['type']['literal']>;

const lstKey = (id: string) => `lst:${id}`;

/** Folds `practice.*` events: member profiles and 揭榜领办 listings. */
export const practiceModule: FoldModule<PracticeEvent> = {
  keys: (e) =>
    e.type === 'practice.profile.registered'
      ? [`prof:${e.memberId}`]
      : [lstKey(e.type === 'practice.published' ? e.id : e.listingId)],
  refs: (e) => (e.type === 'practice.published' && e.requestId ? [`req:${e.requestId}`] : []),
  creates: (e) => (e.type === 'practice.published' ? lstKey(e.id) : undefined),
  apply(ctx, e) {
    switch (e.type) {
      case 'practice.profile.registered': {
        // The member and a committee member registering one profile offline: the later holds.
        const held = ctx.peek<ProfileState>(`prof:${e.memberId}`);
        if (held && !isNewer(e.at, e.id, { at: held.registeredAt, eventId: held.eventId })) return undefined;
        ctx.put(`prof:${e.memberId}`, {
          memberId: e.memberId,
          building: e.building ?? null,
          unit: e.unit ?? null,
          microGrid: e.microGrid ?? null,
          tags: e.tags,
          registeredAt: e.at,
          registeredBy: e.by,
          eventId: e.id,
        } satisfies ProfileState);
        return undefined;
      }
      case 'practice.published':
        if (e.requestId !== undefined && !ctx.existed(`req:${e.requestId}`))
          return { code: 'no_such', thing: 'request' };
        ctx.put(lstKey(e.id), {
          id: e.id,
          requestId: e.requestId ?? null,
          wish: e.wish
            ? {
                title: e.wish.title,
                detail: e.wish.detail ?? null,
                forName: e.wish.forName ?? null,
                due: e.wish.due ?? null,
                photos: e.wish.photos ?? [],
              }
            : null,
          publishedAt: e.at,
          publishedBy: e.by,
          status: 'open',
          claim: null,
        } satisfies ListingState);
        return undefined;
      default: {
        const listing = ctx.get<ListingState>(lstKey(e.listingId));
        if (!listing) return { code: 'no_such', thing: 'listing' };
        return listingStep(listing, e);
      }
    }
  },
};

function listingStep(
  l: ListingState,
  e: EventOf<'practice.claimed' | 'practice.reported' | 'practice.accepted'>,
): AnomalyReason | undefined {
  const act = { at: e.at, by: e.by };
  switch (e.type) {
    case 'practice.claimed':
      if (l.status !== 'open') return { code: 'already_claimed' };
      l.claim = { ...act, claimId: e.id, unitName: e.unitName, contact: e.contact, report: null, accepted: null };
      l.status = 'claimed';
      return undefined;
    case 'practice.reported':
      if (!l.claim || l.claim.claimId !== e.claimId) return { code: 'no_such', thing: 'claim' };
      if (l.claim.by !== e.by) return { code: 'not_claimer' };
      if (l.status === 'done') return { code: 'already_accepted' };
      l.claim = { ...l.claim, report: { ...act, eventId: e.id, note: e.note, photos: e.photos ?? [] } };
      l.status = 'reported';
      return undefined;
    case 'practice.accepted':
      if (!l.claim || l.claim.claimId !== e.claimId) return { code: 'no_such', thing: 'claim' };
      if (l.status !== 'reported')
        return l.status === 'done' ? { code: 'already_accepted' } : { code: 'nothing_reported' };
      l.claim = { ...l.claim, accepted: { ...act, eventId: e.id, note: e.note ?? null } };
      l.status = 'done';
      return undefined;
    default:
      return exhaustive(e);
  }
}

/** The members a building lead (楼栋长) looks after: same building, and same micro-grid if the lead has one. */
export function householdsOfLead(state: CompoundState, leadId: string): ProfileState[] {
  const lead = state.practice.profiles[leadId];
  if (!lead?.tags.includes('building-lead') || lead.building === null) return [];
  return Object.values(state.practice.profiles).filter(
    (p) =>
      p.memberId !== leadId &&
      p.building === lead.building &&
      (lead.microGrid === null || p.microGrid === lead.microGrid),
  );
}
