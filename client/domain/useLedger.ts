import { type Accessor, createMemo } from 'solid-js';
import type { LedgerState } from '../../shared/folds/index.ts';
import {
  type FundView,
  fundViews,
  type LedgerTodo,
  ledgerTodos,
  type PartyOf,
} from '../../shared/folds/ledgerQueries.ts';
import type { Party } from '../../shared/roles.ts';
import { useSession } from './session.ts';
import { useMembers } from './useMembers.ts';
import { usePublicView } from './usePublicView.ts';

/** The ledger of the open compound, folded from its public log. */
export function useLedger(): Accessor<LedgerState> {
  const view = usePublicView();
  return () => view().compound.ledger;
}

/** Every fund with its entries newest first. */
export function useFundViews(): Accessor<FundView[]> {
  const ledger = useLedger();
  return createMemo(() => fundViews(ledger()));
}

/** The party each member acts for, from the members log. */
export function usePartyOf(): Accessor<PartyOf> {
  const members = useMembers();
  return createMemo(() => {
    const byId = members().byId;
    return (id: string) => {
      const party = byId.get(id)?.party;
      return party && party !== 'none' ? (party as Party) : undefined;
    };
  });
}

/** What waits on this member's party in the ledger (nothing for a resident). */
export function useLedgerTodos(): Accessor<LedgerTodo[]> {
  const session = useSession();
  const ledger = useLedger();
  const partyOf = usePartyOf();
  return createMemo(() => {
    const party = session.member.party;
    return party === 'none' ? [] : ledgerTodos(ledger(), party, partyOf());
  });
}
