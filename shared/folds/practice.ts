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

/** A partner unit's claim of a listing, with what followed it. */
export interface Claim {
  claimId: string;
  unitName: string;
  contact: string;
  at: number;
  by: string;
  /** The claimer's report: the latest by (at, id). */
  report: { eventId: string; note: string; photos: string[]; at: number; by: string } | null;
  /** The committee's acceptance: the earliest by (at, id). */
  accepted: { eventId: string; note: string | null; at: number; by: string } | null;
}

/** A request or micro-wish (微心愿) offered to partner units: open → claimed → reported → done. */
export interface ListingState {
  id: string;
  requestId: string | null;
  /** `forName` is already masked (王*); `due` is ms since the epoch. */
  wish: {
    title: string;
    detail: string | null;
    forName: string | null;
    due: number | null;
    photos: string[];
    /** Whom the claiming unit talks to (对接人), as the committee wrote it. */
    contact: string | null;
  } | null;
  publishedAt: number;
  publishedBy: string;
  /** The holding claim's progress: `open` until a unit claims. */
  status: 'open' | 'claimed' | 'reported' | 'done';
  /** The claim that holds the listing (see `holder`). */
  claim: Claim | null;
  /**
   * Every claim, in (at, id) order. More than one only when units claimed offline at the same time;
   * those not holding it are shown to the committee (`rivalClaims`).
   */
  claims: Claim[];
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
                contact: e.wish.contact ?? null,
              }
            : null,
          publishedAt: e.at,
          publishedBy: e.by,
          status: 'open',
          claim: null,
          claims: [],
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

/**
 * A claim, report or acceptance. Two units may claim one listing offline at once: both claims are
 * kept, each with its own report and acceptance, and which one holds the listing follows from them
 * (`holder`), never from the order Yjs merged them in. Nothing here is flagged for being second: a
 * later report replaces an earlier one, the earliest acceptance stands.
 */
function listingStep(
  l: ListingState,
  e: EventOf<'practice.claimed' | 'practice.reported' | 'practice.accepted'>,
): AnomalyReason | undefined {
  const act = { at: e.at, by: e.by };
  if (e.type === 'practice.claimed') {
    const claim: Claim = {
      ...act,
      claimId: e.id,
      unitName: e.unitName,
      contact: e.contact,
      report: null,
      accepted: null,
    };
    let i = l.claims.length;
    while (i > 0 && earlier(claim, l.claims[i - 1] as Claim)) i--;
    l.claims = [...l.claims.slice(0, i), claim, ...l.claims.slice(i)];
    settle(l);
    return undefined;
  }
  const i = l.claims.findIndex((c) => c.claimId === e.claimId);
  const claim = l.claims[i];
  if (!claim) return { code: 'no_such', thing: 'claim' };
  switch (e.type) {
    case 'practice.reported': {
      if (claim.by !== e.by) return { code: 'not_claimer' };
      const report = claim.report;
      if (!isNewer(e.at, e.id, report)) return undefined;
      l.claims = l.claims.with(i, {
        ...claim,
        report: { ...act, eventId: e.id, note: e.note, photos: e.photos ?? [] },
      });
      break;
    }
    case 'practice.accepted': {
      if (!claim.report) return { code: 'nothing_reported' };
      const held = claim.accepted;
      if (held && isNewer(e.at, e.id, held)) return undefined;
      l.claims = l.claims.with(i, { ...claim, accepted: { ...act, eventId: e.id, note: e.note ?? null } });
      break;
    }
    default:
      return exhaustive(e);
  }
  settle(l);
  return undefined;
}

const earlier = (a: Claim, b: Claim) => a.at < b.at || (a.at === b.at && a.claimId < b.claimId);
const progress = (c: Claim) => (c.accepted ? 2 : c.report ? 1 : 0);

/**
 * The claim that holds a listing: the one furthest along (accepted, then reported, then claimed),
 * the earliest by (at, id) among those alike. So a unit's claim made offline earlier, reaching the
 * relay after another unit reported or was accepted, does not take back work being done or done.
 */
function holder(claims: readonly Claim[]): Claim | null {
  let best: Claim | null = null;
  for (const c of claims) if (!best || progress(c) > progress(best)) best = c;
  return best;
}

function settle(l: ListingState): void {
  const claim = holder(l.claims);
  l.claim = claim;
  l.status = !claim ? 'open' : claim.accepted ? 'done' : claim.report ? 'reported' : 'claimed';
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
