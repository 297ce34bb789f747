import { A } from '@solidjs/router';
import { createMemo, createSignal, createUniqueId, For } from 'solid-js';
import type { LedgerState } from '../../../../shared/folds/ledger.ts';
import { type LedgerPeriod, periodOf, periodsBetween } from '../../../../shared/ledgerPeriod.ts';
import { shanghaiDay } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import { t } from '../../../i18n/index.ts';
import { periodName } from '../../../ui/periodName.ts';

const groups = [
  ['quarter', 'notice.quarters'],
  ['month', 'notice.months'],
  ['year', 'notice.years'],
] as const;

/** On the ledger tab, for everyone: choose a quarter, month or year and open its notice. */
export function NoticeChooser(props: { ledger: LedgerState; href: (periodId: string) => string }) {
  const selectId = createUniqueId();
  const today = () => shanghaiDay(now());
  const firstDay = createMemo(() => {
    const opened = Object.values(props.ledger.funds).map((f) => shanghaiDay(f.openedAt));
    return opened.length > 0 ? opened.reduce((a, b) => (a < b ? a : b)) : today();
  });
  const periods = (kind: LedgerPeriod['kind']) => periodsBetween(firstDay(), today(), kind);
  const [chosen, setChosen] = createSignal<string>();
  const current = () => chosen() ?? periodOf(today(), 'quarter').id;
  return (
    <section class="section notice-chooser" aria-labelledby={`${selectId}-h`}>
      <h2 id={`${selectId}-h`}>{t('notice.chooserTitle')}</h2>
      <p class="muted">{t('notice.chooserHint')}</p>
      <div class="field">
        <label class="field-label" for={selectId}>
          {t('notice.period')}
        </label>
        <select
          id={selectId}
          class="input input-large"
          data-testid="notice-period"
          value={current()}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          <For each={groups}>
            {([kind, label]) => (
              <optgroup label={t(label)}>
                <For each={periods(kind)}>{(p) => <option value={p.id}>{periodName(p)}</option>}</For>
              </optgroup>
            )}
          </For>
        </select>
      </div>
      <A class="btn btn-secondary btn-block" href={props.href(current())} data-testid="open-notice">
        {t('notice.open')}
      </A>
    </section>
  );
}
