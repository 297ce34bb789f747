import { Show } from 'solid-js';
import type { LedgerRef } from '../../../../shared/events/request.ts';
import { formatFen } from '../../../../shared/money.ts';
import { useLedgerEntry } from '../../../domain/useLedgerEntry.ts';
import { usePage } from '../../../domain/usePage.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { LedgerEntryLink } from '../../../ui/LedgerEntryLink.tsx';

/** The ledger entry a question (质询) is about, linking to it in the ledger. */
export function AskedEntry(props: { entry: LedgerRef }) {
  const { path } = usePage();
  const entry = useLedgerEntry(() => props.entry);
  return (
    <div class="asked-entry">
      <p class="field-label">{t('agenda.askedAbout')}</p>
      <Show when={entry()} fallback={<p class="muted">{t('agenda.askedEntryMissing')}</p>}>
        {(e) => (
          <LedgerEntryLink
            kindLabel={t(e().kind === 'expense' ? 'ledger.expense' : 'ledger.income')}
            amountText={formatFen(e().amount, intlLocale())}
            what={e().what}
            party={e().party}
            href={`${path('ledger')}#entry-${e().id}`}
            reversed={e().reversed}
          />
        )}
      </Show>
    </div>
  );
}
