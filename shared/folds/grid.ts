import type { Household, LeadRole } from '../events/grid.ts';
import type { EventOf } from '../events/index.ts';
import type { FoldModule } from './FoldContext.ts';
import { buildingKey } from './gridQueries.ts';
import type { Stamp } from './stamp.ts';

type GridEvent = EventOf<'grid.building-lead.named' | 'grid.neighbour-lead.named' | 'grid.lead.ended'>;

/** One naming (or ending) of a post, as written. */
export interface Naming {
  eventId: string;
  memberId: string;
  /** The 邻长's households; empty for a 楼栋长 and for an ending. */
  households: Household[];
  /** True for `grid.lead.ended`: the post is empty from then on. */
  ended: boolean;
  replaces: string[];
  at: number;
  by: string;
}

/** What the fold keeps per post: every naming of it, in (at, id) order. */
export interface PostDraft {
  id: string;
  role: LeadRole;
  building: string;
  /** For a 邻长's post, the member; null for a building's 楼栋长. */
  memberId: string | null;
  namings: Naming[];
}

/**
 * A post of the micro-grid: a building's 楼栋长, or one 邻长 of a building. `current` holds the
 * namings no other naming of the post replaces, oldest first: one when settled, more when the
 * committee named twice without seeing each other's (a conflict to settle by naming again).
 */
export interface GridPost {
  id: string;
  role: LeadRole;
  building: string;
  memberId: string | null;
  /** The earliest naming by (at, id), which spells `building`. */
  spelledBy: Stamp;
  current: Naming[];
  /** Who holds the post: the newest current naming, unless it ended the post. */
  holder: Naming | null;
  conflict: boolean;
}

export interface GridState {
  posts: Record<string, GridPost>;
}

/**
 * The post's id: its role, its building as compared ("3号楼" and "3栋" are one building, see
 * `buildingKey`) and, for a 邻长, the member. Two phones naming one building's 楼栋长 under two
 * spellings name one post, and the conflict shows.
 */
export function postId(role: LeadRole, building: string, memberId: string): string {
  const b = buildingKey(building);
  return JSON.stringify(role === 'building' ? [role, b] : [role, b, memberId]);
}

function roleOf(e: GridEvent): LeadRole {
  if (e.type === 'grid.lead.ended') return e.role;
  return e.type === 'grid.building-lead.named' ? 'building' : 'neighbour';
}

const postKey = (e: GridEvent) => `gpost:${postId(roleOf(e), e.building, e.memberId)}`;

/** True if `a` was written before `b`: earlier time, or the smaller id at the same time. */
const before = (a: Naming, b: Naming) => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

/**
 * Folds `grid.*` events into posts. Which namings are current depends only on the set of namings
 * (what each one replaces), never on their places in the log.
 */
export const gridModule: FoldModule<GridEvent> = {
  keys: (e) => [postKey(e)],
  apply(ctx, e) {
    const key = postKey(e);
    const role = roleOf(e);
    const naming: Naming = {
      eventId: e.id,
      memberId: e.memberId,
      households: e.type === 'grid.neighbour-lead.named' ? e.households : [],
      ended: e.type === 'grid.lead.ended',
      replaces: e.replaces,
      at: e.at,
      by: e.by,
    };
    const draft = ctx.get<PostDraft>(key);
    if (!draft) {
      ctx.put(key, {
        id: postId(role, e.building, e.memberId),
        role,
        building: e.building.trim(),
        memberId: role === 'building' ? null : e.memberId,
        namings: [naming],
      } satisfies PostDraft);
      return undefined;
    }
    const at = draft.namings.findIndex((n) => before(naming, n));
    draft.namings.splice(at === -1 ? draft.namings.length : at, 0, naming);
    // The building as the earliest naming spelled it, wherever the log holds the namings.
    if (at === 0) draft.building = e.building.trim();
    return undefined;
  },
};

/** The post as shown: its current namings and who holds it. */
export function publishPost(draft: PostDraft): GridPost {
  const replaced = new Set(draft.namings.flatMap((n) => n.replaces));
  let current = draft.namings.filter((n) => !replaced.has(n.eventId));
  // Namings that replace each other in a circle (only a forged log has them): the newest stands.
  if (current.length === 0) current = draft.namings.slice(-1);
  const newest = current[current.length - 1] ?? null;
  const first = draft.namings[0];
  return {
    id: draft.id,
    role: draft.role,
    building: draft.building,
    memberId: draft.memberId,
    spelledBy: { at: first?.at ?? 0, eventId: first?.eventId ?? '' },
    current,
    holder: newest && !newest.ended ? newest : null,
    conflict: current.length > 1,
  };
}
