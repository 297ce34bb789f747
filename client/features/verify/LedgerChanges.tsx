import { For } from 'solid-js';
import type { LedgerState } from '../../../shared/folds/ledger.ts';
import type { LedgerActRecord } from '../../../shared/ledgerHash.ts';
import { formatFen } from '../../../shared/money.ts';
import { formatDateTime, formatDay } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';

/** What an act is about: the fund's name, the income's source or the expense's purpose, and its amount. */
function about(state: LedgerState, a: LedgerActRecord): { label: string; amount: number } {
  const income = state.incomes[a.entryId];
  if (income) return { label: t(`ledger.source.${income.source}` as MessageKey), amount: income.amount };
  if (a.k === 'tier') return { label: '', amount: Number(a.data.limitFen) };
  const expense = state.expenses[a.entryId];
  if (expense) return { label: expense.purpose, amount: expense.amount };
  return { label: state.funds[a.entryId]?.name ?? '', amount: 0 };
}

function changeText(state: LedgerState, a: LedgerActRecord): string {
  const { label, amount } = about(state, a);
  const party = typeof a.data.party === 'string' ? t(`party.${a.data.party}` as MessageKey) : '';
  const reason = typeof a.data.reason === 'string' ? a.data.reason : '';
  return t(`verify.change.${a.k}` as MessageKey, {
    label,
    amount: formatFen(amount, intlLocale()),
    day: formatDay(a.day, intlLocale()),
    party,
    reason,
  });
}

/** Ledger acts a paper does not show, each in words with who recorded it and when. */
export function LedgerChanges(props: {
  state: LedgerState;
  acts: LedgerActRecord[];
  nameOf: (memberId: string) => string;
  testId: string;
}) {
  return (
    <ol class="verify-amendments" data-testid={props.testId}>
      <For each={props.acts}>
        {(a) => (
          <li>
            <p class="strong">{changeText(props.state, a)}</p>
            <p class="muted">
              {t('verify.changeBy', { name: props.nameOf(a.by), time: formatDateTime(a.at, intlLocale()) })}
            </p>
          </li>
        )}
      </For>
    </ol>
  );
}
