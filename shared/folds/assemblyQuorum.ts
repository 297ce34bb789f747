import type { Attendee } from '../events/meeting.ts';
import type { UnitOwner } from '../events/unit.ts';
import type { UnitState } from './units.ts';

/** How far an owners' assembly is from the participation Civil Code art. 278 asks for. */
export interface AssemblyQuorum {
  /** Exclusive area of the register and of the units with an owner present, hundredths of m². */
  totalArea: number;
  presentArea: number;
  /** Owners by number (see ownerGroups) in the register, and with someone present. */
  totalOwners: number;
  presentOwners: number;
  /** At least two thirds of the area, of the owners, and both. */
  areaMet: boolean;
  ownersMet: boolean;
  met: boolean;
}

/** An owner's identity across units: member id, or the name for owners the register knows by name. */
export const ownerKey = (o: UnitOwner) => ('memberId' in o ? `m:${o.memberId}` : `n:${o.name.trim()}`);

/**
 * Owners by number: units that share an owner count as one owner together (one person holding
 * several units counts once; a couple holding one unit counts once).
 */
export function ownerGroups(units: readonly UnitState[]): UnitState[][] {
  const parent = units.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  units.forEach((u, i) => {
    for (const o of u.owners) {
      const k = ownerKey(o);
      const j = firstWith.get(k);
      if (j === undefined) firstWith.set(k, i);
      else parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, UnitState[]>();
  units.forEach((u, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), u]);
  });
  return [...groups.values()];
}

/** Whether a unit takes part: one of its owners signed in, by member id or by name (see assemblyQuorum). */
export function unitTakesPart(
  attendees: readonly Attendee[],
  nameOf: (memberId: string) => string | undefined = () => undefined,
): (u: UnitState) => boolean {
  const present = new Set<string>();
  for (const a of attendees) {
    if ('memberId' in a) {
      present.add(`m:${a.memberId}`);
      const name = nameOf(a.memberId);
      if (name) present.add(`n:${name.trim()}`);
    } else present.add(`n:${a.name.trim()}`);
  }
  return (u) => u.owners.some((o) => present.has(ownerKey(o)));
}

/**
 * Participation in an owners' assembly from the register and who signed in: a unit takes part when
 * one of its owners is present, matched by member id, or by name for guests and for owners the
 * register knows by name only (`nameOf` gives a member's name). Integer arithmetic only:
 * present × 3 ≥ total × 2; an empty register meets nothing.
 */
export function assemblyQuorum(
  units: readonly UnitState[],
  attendees: readonly Attendee[],
  nameOf: (memberId: string) => string | undefined = () => undefined,
): AssemblyQuorum {
  const takesPart = unitTakesPart(attendees, nameOf);
  let totalArea = 0;
  let presentArea = 0;
  for (const u of units) {
    totalArea += u.area;
    if (takesPart(u)) presentArea += u.area;
  }
  const groups = ownerGroups(units);
  const presentOwners = groups.filter((g) => g.some(takesPart)).length;
  const areaMet = totalArea > 0 && presentArea * 3 >= totalArea * 2;
  const ownersMet = groups.length > 0 && presentOwners * 3 >= groups.length * 2;
  return {
    totalArea,
    presentArea,
    totalOwners: groups.length,
    presentOwners,
    areaMet,
    ownersMet,
    met: areaMet && ownersMet,
  };
}
