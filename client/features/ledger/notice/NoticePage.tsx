import { useSearchParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { limitOn } from '../../../../shared/folds/ledgerTiers.ts';
import { ledgerHash } from '../../../../shared/ledgerHash.ts';
import { ledgerNotice } from '../../../../shared/ledgerNotice.ts';
import { parsePeriod, periodOf } from '../../../../shared/ledgerPeriod.ts';
import { formatFen } from '../../../../shared/money.ts';
import { formatDateTime, formatDay, shanghaiDay } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import { useLedger } from '../../../domain/useLedger.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { PaperSeal } from '../../../ui/PaperSeal.tsx';
import { periodName } from '../../../ui/periodName.ts';
import { downloadCsv } from './downloadCsv.ts';
import { NoticeFund } from './NoticeFund.tsx';
import './notice.css';

/** The path a notice's QR opens: the ledger verify page of the period, the hash after the '#'. */
export function ledgerVerifyPath(compoundId: string, periodId: string, hash: string): string {
  return `/verify/ledger/${encodeURIComponent(compoundId)}/${encodeURIComponent(periodId)}#${hash}`;
}

/** The public notice (公示) of a month or quarter: A4 in large type, with a hash and QR anyone can check it by. */
export default function NoticePage() {
  const [params] = useSearchParams<{ period?: string }>();
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const ledger = useLedger();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const period = createMemo(() =>
    params.period ? parsePeriod(params.period) : periodOf(shanghaiDay(now()), 'quarter'),
  );
  // The amount limit in force on the period's last day, printed with the totals.
  const tierLimit = (): number | null => {
    const p = period();
    return p ? (limitOn(ledger().tiers, p.endDay)?.limitFen ?? null) : null;
  };
  const notice = createMemo(() => {
    const p = period();
    return p ? ledgerNotice(ledger(), p, tierLimit()) : undefined;
  });
  const hash = createMemo(() => {
    const p = period();
    return p ? ledgerHash(ledger(), p) : undefined;
  });
  const url = () => `${location.origin}${ledgerVerifyPath(session.compoundId, period()?.id ?? '', hash() ?? '')}`;

  return (
    <article class="notice-print" data-testid="ledger-notice" data-hash={hash() ?? ''}>
      <div class="no-print notice-controls">
        <PageHeader title={t('notice.title')} back={path('ledger')} />
        <Show when={notice()}>
          {(n) => (
            <>
              <button type="button" class="btn btn-primary btn-block" onClick={() => window.print()}>
                {t('notice.print')}
              </button>
              <button
                type="button"
                class="btn btn-secondary btn-block"
                data-testid="notice-csv"
                onClick={() => downloadCsv(n(), nameOf)}
              >
                {t('notice.csv')}
              </button>
            </>
          )}
        </Show>
      </div>
      <Show when={notice()} fallback={<p class="empty">{t('notice.badPeriod')}</p>}>
        {(n) => (
          <Show when={publicDoc.ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
            <header class="print-head">
              <h1>
                {t('notice.heading')} · {periodName(n().period)}
              </h1>
              <p>
                {t('notice.range', {
                  from: formatDay(n().period.startDay, intlLocale()),
                  to: formatDay(n().period.endDay, intlLocale()),
                })}
              </p>
              <p class="muted">
                {t('notice.printedAt', { time: formatDateTime(now(), intlLocale()) })} · {t('notice.masked')}
              </p>
              <Show when={n().tierLimit}>
                {(limit) => (
                  <p class="notice-tier" data-testid="notice-tier">
                    {t('notice.tier', { amount: formatFen(limit(), intlLocale()) })}
                  </p>
                )}
              </Show>
            </header>
            <Show when={n().funds.length > 0} fallback={<p>{t('notice.noFunds')}</p>}>
              <For each={n().funds}>{(f) => <NoticeFund notice={f} nameOf={nameOf} />}</For>
            </Show>
            <Show when={hash()}>{(h) => <PaperSeal hash={h()} url={url()} hint={t('notice.verifyHint')} />}</Show>
          </Show>
        )}
      </Show>
    </article>
  );
}
