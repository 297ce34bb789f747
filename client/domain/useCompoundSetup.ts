import { type Accessor, createMemo } from 'solid-js';
import { type CompoundSetup, compoundSetup } from '../../shared/folds/setupSteps.ts';
import { useSession } from './session.ts';
import { useMembers } from './useMembers.ts';
import { usePublicView } from './usePublicView.ts';

export type { CompoundSetup, SetupStepId } from '../../shared/folds/setupSteps.ts';

/**
 * How far the open compound is set up, from its members and public folds; undefined until both
 * copies are read (an empty copy still loading is not a compound with nothing done).
 */
export function useCompoundSetup(): Accessor<CompoundSetup | undefined> {
  const session = useSession();
  const members = useMembers();
  const view = usePublicView();
  return createMemo(() => {
    if (!session.doc('members').ready() || !session.doc('public').ready()) return undefined;
    const { meetings, ledger } = view().compound;
    return compoundSetup({ members: members().active, meetings: meetings.meetings, funds: ledger.funds });
  });
}
