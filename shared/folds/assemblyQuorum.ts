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
 * several units counts once; a couple holding one unit counts once). An owner the register names by
 * member id on one unit and by name on another (an import leaves a name a name until its owner is a
 * member) is one owner, as her signing in makes both take part (`unitTakesPart`): a name joins the
 * member of the register's owners by id who has it (`nameOf`), unless several of them do.
 */
export function ownerGroups(
  units: readonly UnitState[],
  nameOf: (memberId: string) => string | undefined = () => undefined,
): UnitState[][] {
  const member = new Map<string, string | null>();
  for (const u of units) {
    for (const o of u.owners) {
      if (!('memberId' in o)) continue;
      const name = nameOf(o.memberId)?.trim();
      if (!name) continue;
      const k = `n:${name}`;
      const held = member.get(k);
      member.set(k, held === undefined || held === o.memberId ? o.memberId : null);
    }
  }
  const identity = (o: UnitOwner) => {
    const k = ownerKey(o);
    const id = k.startsWith('n:') ? member.get(k) : undefined;
    return id ? `m:${id}` : k;
  };
  const parent = units.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  units.forEach((u, i) => {
    for (const o of u.owners) {
      const k = identity(o);
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
  const groups = ownerGroups(units, nameOf);
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
