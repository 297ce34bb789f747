import * as v from 'valibot';
import { defineEvent, EventRef, Line, List, MemberId } from './envelope.ts';

/** A household of a building: the unit (entrance, optional) and room, as the register names them. */
export const Household = v.strictObject({ unit: v.optional(Line(20)), room: Line(20) });
export type Household = v.InferOutput<typeof Household>;

/** The namings of the same post its author saw in effect; the new one replaces them. */
const replaces = List(EventRef, 20);

/**
 * The committee names a building's 楼栋长. A naming replaces the ones it lists; two that list the
 * same predecessors (named offline at once) are both kept and shown for the committee to settle.
 */
export const BuildingLeadNamed = defineEvent('grid.building-lead.named', {
  building: Line(40),
  memberId: MemberId,
  replaces,
});

/**
 * The committee names a 邻长 of a building with the households they look after (usually 5-15; the
 * app warns outside that). Naming the same member in the same building again replaces the listed namings.
 */
export const NeighbourLeadNamed = defineEvent('grid.neighbour-lead.named', {
  building: Line(40),
  memberId: MemberId,
  households: v.pipe(List(Household, 60), v.minLength(1)),
  replaces,
});

/** Which post a naming fills: a building's 楼栋长, or one 邻长 of a building. */
export const leadRoles = ['building', 'neighbour'] as const;
export type LeadRole = (typeof leadRoles)[number];

/** The committee ends a post: the building has no 楼栋长, or the member stops being a 邻长 there. */
export const LeadEnded = defineEvent('grid.lead.ended', {
  role: v.picklist(leadRoles),
  building: Line(40),
  memberId: MemberId,
  replaces,
});

export const gridEvents = [BuildingLeadNamed, NeighbourLeadNamed, LeadEnded] as const;
