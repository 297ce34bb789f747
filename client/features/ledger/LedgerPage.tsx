import { useLocation } from '@solidjs/router';
import { createEffect, createMemo, Index, on, onMount, Show } from 'solid-js';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useFundViews, useLedger } from '../../domain/useLedger.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRequests } from '../../domain/usePublicView.ts';
import { t } from '../../i18n/index.ts';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { FundSection } from './FundSection.tsx';
import { type LedgerFormContext, type LedgerSheet, sheetFromUrl, sheetInUrl } from './forms/context.ts';
import { LedgerSheetHost } from './LedgerSheets.tsx';
import { LedgerTurns } from './LedgerTurns.tsx';
import { NoticeChooser } from './notice/NoticeChooser.tsx';
import { TierNote } from './TierNote.tsx';

/** The three-party ledger: what waits on my party, then every fund with its balance and entries. */
export default function LedgerPage() {
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const funds = useFundViews();
  const ledger = useLedger();
  const requests = useRequests();
  const members = useMembers();
  const location = useLocation();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  // Every sheet comes back with its draft after a reload (the camera, or a switch to WeChat, may kill the tab).
  const { sheet, visit, restored, open } = createUrlSheet<LedgerSheet>({
    toUrl: sheetInUrl,
    // What the page's buttons ask: one who may write, a fund that is there, an expense still to pay.
    fromUrl: (named, of) => sheetFromUrl(named, of, ledger(), ctx.funds, session.member),
    ready: publicDoc.ready,
  });
  const writes = () => mayAppend('ledger.income.recorded', session.member);
  const requestById = createMemo(() => new Map(requests().map((r) => [r.id, r])));
  const requestOf = (id: string | null) => {
    const r = id === null ? undefined : requestById().get(id);
    return r ? { title: r.title, href: path('agenda', r.id) } : undefined;
  };
  const ctx: LedgerFormContext = {
    session,
    get funds() {
      return funds().map((f) => f.fund);
    },
    get requests() {
      return requests();
    },
    get today() {
      return shanghaiDay(now());
    },
    get visit() {
      return visit();
    },
    done: () => open(undefined),
  };
  // Photos left unsent are not on this screen: their queue's code loads after the list.
  onMount(() => void import('../../media/uploadQueue.ts').then((q) => q.kickUploads()));
  // A link from a whose-turn list names an entry: show it once the log is read.
  createEffect(
    on([publicDoc.loaded, () => location.hash], ([loaded, hash]) => {
      if (loaded && hash) requestAnimationFrame(() => document.getElementById(hash.slice(1))?.scrollIntoView());
    }),
  );

  return (
    <>
      <PageHeader title={t('ledger.title')} />
      <p class="muted">{t('ledger.intro')}</p>
      <Show when={writes()} fallback={<p class="muted">{t('ledger.readOnly')}</p>}>
        <section class="ledger-actions" aria-label={t('ledger.actions')}>
          <Show when={funds().length > 0}>
            <button
              type="button"
              class="btn btn-primary btn-block"
              data-testid="propose-expense"
              onClick={() => open({ id: 'expense' })}
            >
              <IconPlus size={26} />
              <span>{t('ledger.proposeExpense')}</span>
            </button>
            <button
              type="button"
              class="btn btn-secondary btn-block"
              data-testid="record-income"
              onClick={() => open({ id: 'income' })}
            >
              <IconPlus size={26} />
              <span>{t('ledger.recordIncome')}</span>
            </button>
          </Show>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            data-testid="open-fund"
            onClick={() => open({ id: 'fund' })}
          >
            <IconPlus size={26} />
            <span>{t('ledger.openFund')}</span>
          </button>
        </section>
      </Show>
      <Show when={publicDoc.ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <LedgerTurns />
        <TierNote session={session} today={ctx.today} onSheet={open} />
        <NoticeChooser ledger={ledger()} href={(id) => `${path('ledger', 'notice')}?period=${id}`} />
        <Show when={funds().length > 0} fallback={<p class="empty">{t('ledger.empty')}</p>}>
          {/* By position: a fund's view is rebuilt on every change, its entries keep their identity. */}
          <Index each={funds()}>
            {(view) => (
              <FundSection view={view()} session={session} nameOf={nameOf} requestOf={requestOf} onSheet={open} />
            )}
          </Index>
        </Show>
      </Show>
      <LedgerSheetHost open={sheet()} ctx={ctx} restored={restored()} />
    </>
  );
}
