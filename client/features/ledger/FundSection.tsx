import { For, Match, Show, Switch } from 'solid-js';
import type { FundView } from '../../../shared/folds/ledgerQueries.ts';
import { formatFen } from '../../../shared/money.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ExpenseEntry } from './ExpenseEntry.tsx';
import type { LedgerSheet } from './forms/context.ts';
import { IncomeEntry } from './IncomeEntry.tsx';

/** One fund: its name and kind, its balance (overdrawn said in words), its entries newest first. */
export function FundSection(props: {
  view: FundView;
  session: CompoundSession;
  nameOf: (memberId: string) => string;
  requestOf: (requestId: string | null) => { title: string; href: string } | undefined;
  onSheet: (sheet: LedgerSheet) => void;
}) {
  const fund = () => props.view.fund;
  const headingId = () => `fund-${fund().id}`;
  return (
    <section class="section fund" aria-labelledby={headingId()} data-testid="fund" data-id={fund().id}>
      <div class="fund-head">
        <h2 id={headingId()} class="fund-name">
          {fund().name}
        </h2>
        <span class="tag">{t(`ledger.fundKind.${fund().kind}` as MessageKey)}</span>
      </div>
      <p class="fund-balance">
        <span>{t('ledger.balance')}</span>
        <strong data-testid="balance" data-fen={fund().balance}>
          {formatFen(fund().balance, intlLocale())}
        </strong>
        <Show when={fund().balance < 0}>
          <span class="overdue">{t('ledger.overdrawn')}</span>
        </Show>
      </p>
      <h3 class="visually-hidden">{t('ledger.entries')}</h3>
      <Show when={props.view.entries.length > 0} fallback={<p class="muted">{t('ledger.noEntries')}</p>}>
        <ul class="cards" data-testid="entries">
          <For each={props.view.entries}>
            {(entry) => (
              <Switch>
                <Match when={entry.kind === 'income' && entry.income}>
                  {(income) => (
                    <IncomeEntry
                      income={income()}
                      viewer={props.session.member}
                      nameOf={props.nameOf}
                      onSheet={props.onSheet}
                    />
                  )}
                </Match>
                <Match when={entry.kind === 'expense' && entry.expense}>
                  {(expense) => (
                    <ExpenseEntry
                      expense={expense()}
                      session={props.session}
                      nameOf={props.nameOf}
                      request={props.requestOf(expense().requestId)}
                      onSheet={props.onSheet}
                    />
                  )}
                </Match>
              </Switch>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
