import { type Accessor, createMemo } from 'solid-js';
import type { Household } from '../../shared/events/grid.ts';
import type { BuildingGrid, GridPost, ProfileState, RequestState } from '../../shared/folds/index.ts';
import { buildingGrid, gridBuildings, openRequestsOf, postsHeldBy } from '../../shared/folds/index.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { appendPublic, optional } from './appendPublic.ts';
import { useSession } from './session.ts';
import { useUnitRegister } from './unitRegister.ts';
import { usePublicView } from './usePublicView.ts';

export type { BuildingGrid, GridPost, Household };

/** A building's households from the unit register (committee phones), by unit and room. */
export interface RegisterBuilding {
  building: string;
  units: string[];
  households: Household[];
}

export interface Grid {
  /** Buildings known to the grid or the unit register, in natural order. */
  buildings: string[];
  /** The register's buildings with their units and rooms; empty where the register is unreadable. */
  register: RegisterBuilding[];
  /** This member's own 报到, if any. */
  mine: ProfileState | null;
  /** The posts this member holds, each with the open requests of the households it serves. */
  myPosts: { post: GridPost; requests: RequestState[] }[];
  building: (name: string) => BuildingGrid;
  requestsOf: (post: GridPost) => RequestState[];
  /** A post by its id (see postId), ended ones included. */
  post: (id: string) => GridPost | undefined;
}

/** The micro-grid of the public log, with the unit register's buildings where this phone has it. */
export function useGrid(): Accessor<Grid> {
  const session = useSession();
  const view = usePublicView();
  const units = useUnitRegister();
  const register = createMemo(() => {
    const byBuilding = new Map<string, RegisterBuilding>();
    for (const u of units().units) {
      const b = byBuilding.get(u.building) ?? { building: u.building, units: [], households: [] };
      byBuilding.set(u.building, b);
      if (u.unit && !b.units.includes(u.unit)) b.units.push(u.unit);
      b.households.push(u.unit ? { unit: u.unit, room: u.room } : { room: u.room });
    }
    return [...byBuilding.values()];
  });
  return createMemo(() => {
    const state = view().compound;
    const me = session.member.memberId;
    return {
      buildings: gridBuildings(
        state,
        register().map((b) => b.building),
      ),
      register: register(),
      mine: state.practice.profiles[me] ?? null,
      myPosts: postsHeldBy(state, me).map((post) => ({ post, requests: openRequestsOf(state, post) })),
      building: (name) => buildingGrid(state, name),
      requestsOf: (post) => openRequestsOf(state, post),
      post: (id) => state.grid.posts[id],
    };
  });
}

export interface GridRegistration {
  building: string;
  unit: string;
  partyMember: boolean;
}

/** 微网格报到: registers this member to a building and unit, keeping their other tags. */
export function registerToGrid(session: CompoundSession, held: ProfileState | null, input: GridRegistration): void {
  const others = (held?.tags ?? []).filter((tag) => tag !== 'party-member');
  appendPublic(session, 'practice.profile.registered', {
    memberId: session.member.memberId,
    building: input.building.trim(),
    ...optional('unit', input.unit),
    ...(held?.microGrid ? { microGrid: held.microGrid } : {}),
    tags: input.partyMember ? [...others, 'party-member'] : others,
  });
}

/** The ids a new naming of the post replaces: every naming of it this phone holds as current. */
const heads = (post: GridPost | null | undefined) => post?.current.map((n) => n.eventId) ?? [];

/** The committee names a building's 楼栋长, replacing whoever this phone shows. */
export function nameBuildingLead(session: CompoundSession, grid: BuildingGrid, memberId: string): void {
  appendPublic(session, 'grid.building-lead.named', { building: grid.building, memberId, replaces: heads(grid.lead) });
}

/** The committee names (or renames) a 邻长 with their households. */
export function nameNeighbourLead(
  session: CompoundSession,
  building: string,
  held: GridPost | undefined,
  memberId: string,
  households: Household[],
): void {
  appendPublic(session, 'grid.neighbour-lead.named', {
    building,
    memberId,
    households,
    replaces: heads(held),
  });
}

/** The committee ends a post (the building has no 楼栋长, or the member stops being a 邻长). */
export function endPost(session: CompoundSession, post: GridPost): void {
  appendPublic(session, 'grid.lead.ended', {
    role: post.role,
    building: post.building,
    memberId: post.memberId ?? post.holder?.memberId ?? session.member.memberId,
    replaces: heads(post),
  });
}
