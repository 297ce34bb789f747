import { Key } from '@solid-primitives/keyed';
import { createSignal, Show } from 'solid-js';
import type { ExpenseState, IncomeState } from '../../../shared/folds/index.ts';
import { type FundView, isIncome } from '../../../shared/folds/ledgerQueries.ts';
import { formatFen } from '../../../shared/money.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ExpenseEntry } from './ExpenseEntry.tsx';
import type { LedgerSheet } from './forms/context.ts';
import { IncomeEntry } from './IncomeEntry.tsx';

/** Entries shown at first and per "more": five years of a busy fund are thousands. */
const PAGE = 20;

/** One fund: its name and kind, its balance (overdrawn said in words), its entries newest first. */
export function FundSection(props: {
  view: FundView;
  session: CompoundSession;
  nameOf: (memberId: string) => string;
  requestOf: (requestId: string | null) => { title: string; href: string } | undefined;
  onSheet: (sheet: LedgerSheet) => void;
}) {
  const fund = () => props.view.fund;
  const [limit, setLimit] = createSignal(PAGE);
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
          {/* Keyed by id, not by object: a fold gives an entry a new object when another party signs it,
              and a row made again would close the confirm dialog open under this member's thumb. */}
          <Key each={props.view.entries.slice(0, limit())} by="id">
            {(item) =>
              isIncome(item()) ? (
                <IncomeEntry
                  income={item() as IncomeState}
                  viewer={props.session.member}
                  nameOf={props.nameOf}
                  onSheet={props.onSheet}
                />
              ) : (
                <ExpenseEntry
                  expense={item() as ExpenseState}
                  session={props.session}
                  nameOf={props.nameOf}
                  request={props.requestOf((item() as ExpenseState).requestId)}
                  onSheet={props.onSheet}
                />
              )
            }
          </Key>
        </ul>
        <Show when={props.view.entries.length > limit()}>
          <button
            type="button"
            class="btn btn-secondary btn-block more-button"
            onClick={() => setLimit((n) => n + PAGE)}
          >
            {t('agenda.more', { n: Math.min(PAGE, props.view.entries.length - limit()) })}
          </button>
        </Show>
      </Show>
    </section>
  );
}
