import type { Household } from '../events/grid.ts';
import type { CompoundState } from './CompoundState.ts';
import type { GridPost, Naming } from './grid.ts';
import type { ProfileState } from './practice.ts';
import type { RequestState } from './RequestState.ts';
import { endStages } from './RequestState.ts';

/** A 邻长 usually looks after 5 to 15 households; outside that the app warns but keeps the naming. */
export const HOUSEHOLDS_MIN = 5;
export const HOUSEHOLDS_MAX = 15;

/** Why a 邻长's number of households deserves a second look, or undefined if it is within 5-15. */
export function householdWarning(count: number): 'too_few' | 'too_many' | undefined {
  if (count < HOUSEHOLDS_MIN) return 'too_few';
  if (count > HOUSEHOLDS_MAX) return 'too_many';
  return undefined;
}

/** One building's micro-grid: its 楼栋长, its 邻长 and the members registered to it. */
export interface BuildingGrid {
  building: string;
  lead: GridPost | null;
  neighbourLeads: GridPost[];
  registered: ProfileState[];
}

const digits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * A building's name for comparing: spaces dropped, full-width digits made ASCII, and "3号楼",
 * "3栋", "3幢", "3号" all read as "3"; any other name is compared as written.
 */
export function buildingKey(name: string): string {
  const s = digits(name).replace(/\s+/g, '');
  const m = /^(\d+)(?:号楼|号|栋|幢|楼)?$/.exec(s);
  return m ? String(Number(m[1])) : s;
}

/**
 * Every building the grid knows: named in a post, registered to, or given (from the unit register).
 * One spelled several ways ("3号楼", "3栋") is spelled as given, else as its earliest post naming by
 * (at, id), else its earliest registration, wherever the log holds them.
 */
export function gridBuildings(state: CompoundState, known: readonly string[] = []): string[] {
  const names = new Map<string, string>();
  const add = (b: string | null) => {
    if (b && !names.has(buildingKey(b))) names.set(buildingKey(b), b.trim());
  };
  for (const b of known) add(b);
  const spelled: { building: string | null; at: number; eventId: string }[] = [];
  for (const p of Object.values(state.grid.posts)) spelled.push({ building: p.building, ...p.spelledBy });
  const profiles = Object.values(state.practice.profiles);
  const registered = profiles.map((p) => ({ building: p.building, at: p.registeredAt, eventId: p.eventId }));
  for (const list of [spelled, registered]) {
    list.sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    for (const s of list) add(s.building);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
}

/** The building's posts and registered members; 邻长 by when they were named. */
export function buildingGrid(state: CompoundState, building: string): BuildingGrid {
  const key = buildingKey(building);
  const posts = Object.values(state.grid.posts).filter((p) => buildingKey(p.building) === key);
  const named = (p: GridPost) => p.current[0]?.at ?? 0;
  const byId = (a: GridPost, b: GridPost) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    building,
    lead: posts.find((p) => p.role === 'building') ?? null,
    neighbourLeads: posts
      .filter((p) => p.role === 'neighbour' && (p.holder !== null || p.conflict))
      .sort((a, b) => named(a) - named(b) || byId(a, b)),
    registered: Object.values(state.practice.profiles)
      .filter((p) => p.building !== null && buildingKey(p.building) === key)
      .sort((a, b) => a.registeredAt - b.registeredAt || (a.memberId < b.memberId ? -1 : 1)),
  };
}

/** The posts a member holds now (as the newest current naming). */
export function postsHeldBy(state: CompoundState, memberId: string): GridPost[] {
  return Object.values(state.grid.posts).filter((p) => p.holder?.memberId === memberId);
}

/** Where a request says it is: its building field or the building its location starts with, its unit and the rest. */
export function requestPlace(r: Pick<RequestState, 'building' | 'location'>): {
  building: string | null;
  unit: string | null;
  rest: string;
} {
  let rest = digits(r.location ?? '').replace(/\s+/g, '');
  const lead = /^(\d+)(?:号楼|号|栋|幢)/.exec(rest);
  if (lead) rest = rest.slice(lead[0].length);
  const building = r.building ? buildingKey(r.building) : lead ? String(Number(lead[1])) : null;
  const unitMatch = /(\d+)单元/.exec(rest);
  if (unitMatch) rest = rest.replace(unitMatch[0], ' ');
  return { building, unit: unitMatch ? String(Number(unitMatch[1])) : null, rest };
}

/**
 * True if the request is about one of the households: same building, the household's room as a
 * whole number in the location (after the building and unit), and no other unit named.
 */
export function requestAtHouseholds(
  r: Pick<RequestState, 'building' | 'location'>,
  building: string,
  households: readonly Household[],
): boolean {
  const place = requestPlace(r);
  if (place.building !== buildingKey(building)) return false;
  return households.some((h) => {
    const unit = h.unit ? /(\d+)/.exec(digits(h.unit))?.[1] : undefined;
    if (place.unit !== null && unit !== undefined && String(Number(unit)) !== place.unit) return false;
    const room = digits(h.room).replace(/\s+/g, '').replace(/室$/, '');
    return new RegExp(`(^|\\D)${room.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\D|$)`).test(place.rest);
  });
}

/** A request still to be dealt with: not completed and not ended. */
const isOpen = (r: RequestState) => r.stage !== 'completed' && !endStages.includes(r.stage);

/**
 * The open requests a lead looks after, newest first: for a 楼栋长 every one in the building, for a
 * 邻长 those at their households (see requestAtHouseholds).
 */
export function openRequestsOf(
  state: CompoundState,
  post: GridPost,
  holder: Naming | null = post.holder,
): RequestState[] {
  if (!holder) return [];
  const key = buildingKey(post.building);
  return Object.values(state.agenda.requests)
    .filter(
      (r) =>
        isOpen(r) &&
        (post.role === 'building'
          ? requestPlace(r).building === key
          : requestAtHouseholds(r, post.building, holder.households)),
    )
    .sort((a, b) => b.raisedAt - a.raisedAt);
}
