import { type Accessor, createMemo } from 'solid-js';
import type { LedgerRef } from '../../shared/events/request.ts';
import { maskName } from '../../shared/folds/ledgerQueries.ts';
import { isCommittee } from '../../shared/roles.ts';
import { payerWords } from '../i18n/payerWords.ts';
import { useSession } from './session.ts';
import { useLedger } from './useLedger.ts';

/** A ledger entry as a question about it shows it: what, how much, to or from whom (a person masked for residents). */
export interface LedgerEntrySummary {
  kind: LedgerRef['kind'];
  id: string;
  /** An expense's purpose, or an income's payer. */
  what: string;
  /** The payee or payer as this member may see it. */
  party: string;
  amount: number;
  fundName: string;
  /** An income reversed, or an expense whose payment was. */
  reversed: boolean;
}

/** The entry a request names, or undefined when this copy does not hold it (yet). */
export function useLedgerEntry(ref: Accessor<LedgerRef | null | undefined>): Accessor<LedgerEntrySummary | undefined> {
  const ledger = useLedger();
  const session = useSession();
  return createMemo(() => {
    const r = ref();
    if (!r) return undefined;
    const l = ledger();
    const shown = (name: string) => (isCommittee(session.member) ? name : maskName(name));
    const fundName = (id: string) => l.funds[id]?.name ?? '';
    if (r.kind === 'expense') {
      const x = l.expenses[r.id];
      return (
        x && {
          kind: r.kind,
          id: r.id,
          what: x.purpose,
          party: shown(x.payee),
          amount: x.amount,
          fundName: fundName(x.fundId),
          reversed: x.status === 'reversed',
        }
      );
    }
    const i = l.incomes[r.id];
    return (
      i && {
        kind: r.kind,
        id: r.id,
        what: i.note ?? '',
        party: payerWords(i, shown(i.payer)),
        amount: i.amount,
        fundName: fundName(i.fundId),
        reversed: i.reversal !== null,
      }
    );
  });
}
