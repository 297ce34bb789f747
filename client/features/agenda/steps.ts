import { type RequestState, type Stage, undecidedStages } from '../../../shared/folds/index.ts';
import type { Member } from '../../../shared/roles.ts';
import { isCommittee } from '../../../shared/roles.ts';

/** The six steps of the loop (六步工作法), in order. */
export const loopSteps = ['raise', 'classify', 'deliberate', 'assign', 'report', 'follow'] as const;
export type LoopStep = (typeof loopSteps)[number];

/** Where a request stands on the six steps: the step waiting for work now, or where it ended. */
export function stepOf(r: RequestState): { index: number; ended: boolean } {
  switch (r.stage) {
    case 'raised':
      return { index: 1, ended: false };
    case 'classified':
    case 'scheduled':
      return { index: 2, ended: false };
    case 'decided':
    case 'assigned':
      return { index: 3, ended: false };
    case 'completed':
      return { index: 4, ended: false };
    case 'reopened':
      return { index: 5, ended: false };
    case 'closed':
      return { index: 2, ended: true };
    case 'withdrawn':
    case 'merged':
      return { index: r.priority === null ? 0 : 1, ended: true };
  }
}

/** What someone can do on a request's page, each one sheet away. */
export type ActionId =
  | 'classify'
  | 'merge'
  | 'schedule'
  | 'tally'
  | 'decide'
  | 'confirmPaper'
  | 'assign'
  | 'escalate'
  | 'progress'
  | 'complete'
  | 'reopen'
  | 'edit'
  | 'withdraw';

const within = (r: RequestState, stages: readonly Stage[]) => stages.includes(r.stage);
const deliberating: readonly Stage[] = ['classified', 'scheduled'];
const working: readonly Stage[] = ['assigned', 'reopened'];

/**
 * The sheet actions open to this member on this request, most pressing first for its stage. The
 * stages mirror the agenda fold's rules, so a button never leads to an event the fold ignores.
 */
export function actionsFor(r: RequestState, member: Member): ActionId[] {
  const out: ActionId[] = [];
  if (isCommittee(member)) {
    const byStage: Partial<Record<Stage, ActionId[]>> = {
      raised: ['classify', 'merge', 'escalate'],
      classified: ['decide', 'tally', 'schedule', 'classify', 'merge', 'escalate'],
      scheduled: ['decide', 'tally', 'schedule', 'classify', 'merge', 'escalate'],
      decided: ['assign', 'confirmPaper', 'escalate', 'classify'],
      assigned: ['complete', 'progress', 'escalate', 'assign', 'confirmPaper', 'classify'],
      completed: ['reopen', 'confirmPaper', 'classify'],
      reopened: ['complete', 'progress', 'assign', 'escalate', 'confirmPaper', 'classify'],
      closed: ['confirmPaper'],
    };
    out.push(...(byStage[r.stage] ?? []));
  }
  // The raiser's own corrections, before a decision (the fold takes edits in undecided stages only).
  if (r.raisedBy === member.memberId && within(r, undecidedStages)) out.push('edit', 'withdraw');
  return out;
}

/** Residents' own steps: vote while it is deliberated, confirm a decision, rate a result. */
export function canVote(r: RequestState): boolean {
  return within(r, deliberating);
}
export function canConfirm(r: RequestState, memberId: string): boolean {
  return (
    r.decision !== null &&
    within(r, ['decided', 'assigned', 'completed', 'reopened', 'closed']) &&
    !r.confirmations.some((c) => c.by === memberId && c.onPaper === null)
  );
}
export function canRate(r: RequestState): boolean {
  return r.completion !== null && within(r, ['completed', 'reopened']);
}
export function canAnswer(r: RequestState): boolean {
  return !within(r, ['withdrawn', 'merged']);
}
export function canProgress(r: RequestState): boolean {
  return within(r, working);
}
