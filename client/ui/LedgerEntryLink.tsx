import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/** A ledger entry a request asks about, as one line linking to it in the ledger. */
export function LedgerEntryLink(props: {
  /** "Expense" or "Income", in the current locale. */
  kindLabel: string;
  amountText: string;
  what: string;
  /** Payee or payer, already masked where the viewer may not see it. */
  party: string;
  href: string;
  /** Reversed: the amount is struck through and 已冲销 said in words. */
  reversed?: boolean;
}) {
  return (
    <A class="card ledger-entry-link" href={props.href} data-testid="ledger-entry-link">
      <span class="entry-kind">{props.kindLabel}</span>{' '}
      <Show when={props.reversed} fallback={<strong>{props.amountText}</strong>}>
        <s data-testid="amount-reversed">{props.amountText}</s> <span>{t('ledger.reversedMark')}</span>
      </Show>
      <Show when={props.what}>
        <span> · {props.what}</span>
      </Show>
      <span> · {props.party}</span>
    </A>
  );
}
