import { Show } from 'solid-js';
import { limitInForce } from '../../../shared/folds/ledgerQueries.ts';
import { formatFen } from '../../../shared/money.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDay } from '../../../shared/time.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { useLedger } from '../../domain/useLedger.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import type { LedgerSheet } from './forms/context.ts';

/** The amount limit in force today (above it an expense also needs an owners' assembly), and the admin's control. */
export function TierNote(props: { session: CompoundSession; today: string; onSheet: (sheet: LedgerSheet) => void }) {
  const ledger = useLedger();
  const tier = () => limitInForce(ledger(), props.today);
  const next = () => ledger().tiers.find((x) => x.from > props.today);
  return (
    <section class="card ledger-tier" data-testid="tier" aria-label={t('ledger.tier.title')}>
      <Show when={tier()} fallback={<p class="muted">{t('ledger.tier.none')}</p>}>
        {(x) => (
          <p data-testid="tier-limit" data-fen={x().limitFen}>
            {t('ledger.tier.inForce', {
              limit: formatFen(x().limitFen, intlLocale()),
              day: formatDay(x().from, intlLocale()),
            })}
          </p>
        )}
      </Show>
      <Show when={next()}>
        {(x) => (
          <p class="muted">
            {t('ledger.tier.next', {
              limit: formatFen(x().limitFen, intlLocale()),
              day: formatDay(x().from, intlLocale()),
            })}
          </p>
        )}
      </Show>
      <Show when={mayAppend('ledger.tier.set', props.session.member)}>
        <button
          type="button"
          class="btn btn-secondary btn-block"
          data-testid="set-tier"
          onClick={() => props.onSheet({ id: 'tier' })}
        >
          {t('ledger.tier.set')}
        </button>
      </Show>
    </section>
  );
}
