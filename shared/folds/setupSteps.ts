import { isCommittee, type Party, parties } from '../roles.ts';
import type { FundState } from './ledger.ts';
import type { MeetingState } from './meetings.ts';
import type { MemberState } from './members.ts';

/** The first things a new compound does, in the order the set-up card lists them. */
export const setupStepIds = ['parties', 'meeting', 'fund', 'residents'] as const;
export type SetupStepId = (typeof setupStepIds)[number];

export interface SetupStep {
  id: SetupStepId;
  done: boolean;
}

export interface CompoundSetup {
  /** Every step in `setupStepIds` order. */
  steps: SetupStep[];
  /** Parties with no active committee member (or admin) yet, in `parties` order. */
  missingParties: Party[];
  /** How many steps are not done. */
  left: number;
}

/** What the set-up steps read: the members, meetings and funds folds of one compound. */
export interface SetupInput {
  /** Revoked members may be among them: they do not count. */
  members: readonly MemberState[];
  meetings: Readonly<Record<string, MeetingState>>;
  funds: Readonly<Record<string, FundState>>;
}

/**
 * How far a new compound is set up: each of the three parties has an active committee member, a
 * meeting is scheduled (a cancelled one does not count), a fund is open, a resident has joined.
 * Read from the replicated folds only, so every committee phone says the same, offline too.
 */
export function compoundSetup(input: SetupInput): CompoundSetup {
  const active = input.members.filter((m) => m.revokedAt === null);
  const covered = new Set(active.filter((m) => isCommittee(m)).map((m) => m.party));
  const missingParties = parties.filter((p) => !covered.has(p));
  const done: Record<SetupStepId, boolean> = {
    parties: missingParties.length === 0,
    meeting: Object.values(input.meetings).some((m) => m.status === 'scheduled'),
    fund: Object.keys(input.funds).length > 0,
    residents: active.some((m) => m.role === 'resident'),
  };
  const steps = setupStepIds.map((id) => ({ id, done: done[id] }));
  return { steps, missingParties, left: steps.filter((s) => !s.done).length };
}
