import type { AssemblyMatter, AssemblyTally, Attendee } from '../events/meeting.ts';
import { ownerGroups, unitTakesPart } from './assemblyQuorum.ts';
import type { UnitState } from './units.ts';

export type AssemblyVote = 'for' | 'against' | 'abstain';

/** An owner by number taking part in an owners' assembly, with the units they bring to the vote. */
export interface VotingOwner {
  /** The smallest unit id among the owner's units: the same on every phone whatever the register's order. */
  key: string;
  /** The owner's units taking part (an owner of several units brings those with an owner present). */
  units: UnitState[];
  /** Their exclusive area, hundredths of m². */
  area: number;
}

const byId = (a: UnitState, b: UnitState) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The owners taking part, by number (units sharing an owner are one owner, see ownerGroups), each
 * with the area of their units taking part; in the order of their keys.
 */
export function votingOwners(
  units: readonly UnitState[],
  attendees: readonly Attendee[],
  nameOf?: (memberId: string) => string | undefined,
): VotingOwner[] {
  const takesPart = unitTakesPart(attendees, nameOf);
  const owners: VotingOwner[] = [];
  for (const group of ownerGroups(units, nameOf)) {
    const present = group.filter(takesPart).sort(byId);
    if (present.length === 0) continue;
    const key = [...group].sort(byId)[0]?.id ?? '';
    owners.push({ key, units: present, area: present.reduce((sum, u) => sum + u.area, 0) });
  }
  return owners.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The 双过半 count of one matter from the register and who signed in (see votingOwners and countVotes).
 */
export function assemblyTally(
  units: readonly UnitState[],
  attendees: readonly Attendee[],
  votes: Readonly<Record<string, AssemblyVote>>,
  matter: AssemblyMatter,
  nameOf?: (memberId: string) => string | undefined,
): AssemblyTally {
  return countVotes(votingOwners(units, attendees, nameOf), votes, matter);
}

/**
 * Area and owners by number for and against, out of all owners taking part. An owner taking part
 * who did not vote counts as taking part and not for, as an abstention does; a vote keyed to no
 * owner taking part is ignored.
 */
export function countVotes(
  owners: readonly VotingOwner[],
  votes: Readonly<Record<string, AssemblyVote>>,
  matter: AssemblyMatter,
): AssemblyTally {
  const t: AssemblyTally = {
    matter,
    areaFor: 0,
    areaAgainst: 0,
    areaTakingPart: 0,
    ownersFor: 0,
    ownersAgainst: 0,
    ownersTakingPart: 0,
  };
  for (const o of owners) {
    t.areaTakingPart += o.area;
    t.ownersTakingPart += 1;
    const vote = Object.hasOwn(votes, o.key) ? votes[o.key] : undefined;
    if (vote === 'for') {
      t.areaFor += o.area;
      t.ownersFor += 1;
    } else if (vote === 'against') {
      t.areaAgainst += o.area;
      t.ownersAgainst += 1;
    }
  }
  return t;
}

export interface AssemblyOutcome {
  areaMet: boolean;
  ownersMet: boolean;
  /** Both met: the matter passes. */
  passed: boolean;
}

/**
 * Civil Code art. 278: an ordinary matter passes with more than half of the area taking part and
 * more than half of the owners taking part voting for; items six to eight need three quarters of
 * both. Integer products only, never a quotient; nobody taking part passes nothing.
 */
export function assemblyOutcome(t: AssemblyTally): AssemblyOutcome {
  const met = (yes: number, all: number) => all > 0 && (t.matter === 'major' ? yes * 4 >= all * 3 : yes * 2 > all);
  const areaMet = met(t.areaFor, t.areaTakingPart);
  const ownersMet = met(t.ownersFor, t.ownersTakingPart);
  return { areaMet, ownersMet, passed: areaMet && ownersMet };
}

/** A share in tenths of a percent, rounded down, for display only (623 is 62.3%); 0 of nothing is 0. */
export function perMille(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part * 1000) / whole) : 0;
}
