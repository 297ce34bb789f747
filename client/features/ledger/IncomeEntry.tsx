import { Show } from 'solid-js';
import type { IncomeState } from '../../../shared/folds/index.ts';
import type { Member } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDay } from '../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { payerWords } from '../../i18n/payerWords.ts';
import { PhotoGrid } from '../../media/PhotoGrid.tsx';
import { EntryAmount } from './EntryAmount.tsx';
import { EntryQuestions } from './EntryQuestions.tsx';
import type { LedgerSheet } from './forms/context.ts';
import { shownName } from './ledgerText.ts';
import { ReversalNote } from './ReversalNote.tsx';

/** Money in: amount, source, payer, day, receipts, and its reversal beside it (the amount then struck through). */
export function IncomeEntry(props: {
  income: IncomeState;
  viewer: Member;
  nameOf: (memberId: string) => string;
  onSheet: (sheet: LedgerSheet) => void;
}) {
  const x = () => props.income;
  return (
    <li
      class="card ledger-entry"
      id={`entry-${x().id}`}
      data-testid="income"
      data-id={x().id}
      data-reversed={x().reversal !== null}
    >
      <p class="entry-head">
        <span class="entry-kind entry-kind-in">
          {t('ledger.income')}
          <Show when={x().reversal}>
            {/* Said by the amount to a screen reader; here for the eye, beside the struck figure. */}
            <span class="stage entry-reversed-mark" aria-hidden="true" data-testid="reversed-mark">
              {t('ledger.reversedMark')}
            </span>
          </Show>
        </span>
        <EntryAmount fen={x().amount} reversed={x().reversal !== null} />
      </p>
      <h3 class="card-title">{t(`ledger.source.${x().source}` as MessageKey)}</h3>
      <p class="card-meta">
        <span data-testid="payer">
          {t('ledger.payer', { name: payerWords(x(), shownName(x().payer, props.viewer)) })}
        </span>
        <span>{t('ledger.day', { day: formatDay(x().day, intlLocale()) })}</span>
        <span>{t('ledger.recordedBy', { name: props.nameOf(x().by) })}</span>
      </p>
      <Show when={x().note}>{(note) => <p class="entry-note">{note()}</p>}</Show>
      <PhotoGrid hashes={x().receipts} label={t('ledger.receipts')} />
      <Show when={x().reversal}>{(r) => <ReversalNote reversal={r()} nameOf={props.nameOf} />}</Show>
      {/* Reversed because it was typed wrong: the right one is recorded with the same source and payer. */}
      <Show when={x().reversal && mayAppend('ledger.income.recorded', props.viewer)}>
        <div class="entry-actions">
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="record-again"
            onClick={() =>
              props.onSheet({
                id: 'income',
                fundId: x().fundId,
                like: { source: x().source, payer: x().payer },
              })
            }
          >
            {t('ledger.recordAgain')}
          </button>
        </div>
      </Show>
      <Show when={!x().reversal && mayAppend('ledger.reversed', props.viewer)}>
        <div class="entry-actions">
          <button
            type="button"
            class="btn btn-secondary"
            data-testid="reverse"
            onClick={() => props.onSheet({ id: 'reverse', targetEventId: x().id, kind: 'income' })}
          >
            {t('ledger.reverseIncome')}
          </button>
        </div>
      </Show>
      <EntryQuestions entry={{ kind: 'income', id: x().id }} />
    </li>
  );
}
