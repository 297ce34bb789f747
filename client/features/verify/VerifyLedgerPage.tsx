import { useLocation, useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { checkLedgerPaper } from '../../../shared/ledgerHash.ts';
import { parsePeriod } from '../../../shared/ledgerPeriod.ts';
import { normalizeHash } from '../../../shared/paperHash.ts';
import { formatDay } from '../../../shared/time.ts';
import { useLedger } from '../../domain/useLedger.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { periodName } from '../../ui/periodName.ts';
import { HashField } from './HashField.tsx';
import { LedgerChanges } from './LedgerChanges.tsx';
import { Verdict } from './Verdict.tsx';
import './verify.css';

/**
 * Opened from a posted notice's QR: recomputes the ledger's hash up to the period's end from the
 * documents on this phone, says in plain words whether the paper is it, and lists what changed since.
 */
export default function VerifyLedgerPage() {
  const params = useParams<{ periodId: string }>();
  const location = useLocation();
  const { session, path } = usePage();
  const publicDoc = session.doc('public');
  const ledger = useLedger();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const period = createMemo(() => parsePeriod(params.periodId));
  const [typed, setTyped] = createSignal<string>();
  const printed = () => normalizeHash(typed() ?? decodeURIComponent(location.hash.replace(/^#/, '')));
  const check = createMemo(() => {
    const p = period();
    return p && printed() ? checkLedgerPaper(ledger(), p, printed()) : undefined;
  });
  const matched = () => {
    const c = check();
    return c?.kind === 'matches' ? c : undefined;
  };
  const result = () => {
    const c = check();
    if (!c) return undefined;
    if (c.kind === 'no_match') return 'no_match';
    return c.lateActs.length + c.laterReversals.length > 0 ? 'changed' : 'matches';
  };

  return (
    <article data-testid="verify-page">
      <PageHeader title={t('verify.ledgerTitle')} back={path('ledger')} />
      <Show when={period()} fallback={<p class="empty">{t('notice.badPeriod')}</p>}>
        {(p) => (
          <>
            <p class="lead">{t('verify.ledgerLead', { period: periodName(p()) })}</p>
            <HashField hash={printed()} onInput={setTyped} />
            <Show when={!publicDoc.synced()}>
              <p class="muted" data-testid="verify-local">
                {t('verify.local')}
              </p>
            </Show>
            <Show when={publicDoc.ready()} fallback={<p class="muted">{t('app.loading')}</p>}>
              <Show when={check()} fallback={<p class="muted">{t('verify.enterHash')}</p>}>
                <div class="verify-result" role="status" data-testid="verify-result" data-result={result()}>
                  <Show when={matched()} fallback={<Verdict tone="bad">{t('verify.ledgerNoMatch')}</Verdict>}>
                    {(m) => (
                      <>
                        <Verdict tone={result() === 'matches' ? 'ok' : 'warn'}>
                          {result() === 'matches'
                            ? t('verify.ledgerMatches', { day: formatDay(p().endDay, intlLocale()) })
                            : t('verify.ledgerChanged')}
                        </Verdict>
                        <Show when={m().lateActs.length > 0}>
                          <p>{t('verify.ledgerLate', { n: m().lateActs.length })}</p>
                          <LedgerChanges state={ledger()} acts={m().lateActs} nameOf={nameOf} testId="verify-late" />
                        </Show>
                        <Show when={m().laterReversals.length > 0}>
                          <p>{t('verify.ledgerReversals', { n: m().laterReversals.length })}</p>
                          <LedgerChanges
                            state={ledger()}
                            acts={m().laterReversals}
                            nameOf={nameOf}
                            testId="verify-reversals"
                          />
                        </Show>
                      </>
                    )}
                  </Show>
                </div>
              </Show>
            </Show>
          </>
        )}
      </Show>
    </article>
  );
}
