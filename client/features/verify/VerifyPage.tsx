import { useLocation, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { checkPaper, normalizeHash } from '../../../shared/minutesHash.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useMinutes } from '../../domain/useMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { HashField } from './HashField.tsx';
import { Verdict } from './Verdict.tsx';
import './verify.css';

/**
 * Opened from a printed copy's QR: recomputes the hash of the signed minutes from the documents on
 * this phone and says in plain words whether the paper is them, and which amendments came since.
 */
export default function VerifyPage() {
  const params = useParams<{ meetingId: string }>();
  const location = useLocation();
  const { path } = usePage();
  const view = usePublicView();
  const members = useMembers();
  const minutes = useMinutes(params.meetingId);
  const [typed, setTyped] = createSignal<string>();
  const printed = () => normalizeHash(typed() ?? decodeURIComponent(location.hash.replace(/^#/, '')));
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const meeting = createMemo(() => view().compound.meetings.meetings[params.meetingId]);
  const since = () => {
    const c = check();
    return c?.kind === 'matches' ? c.amendedSince : [];
  };
  const check = createMemo(() =>
    printed() ? checkPaper(params.meetingId, minutes.state(), minutes.notesText(), printed()) : undefined,
  );

  return (
    <article data-testid="verify-page">
      <PageHeader title={t('verify.title')} back={path('meetings', params.meetingId)} />
      <Show when={meeting()}>
        {(m) => (
          <p class="lead">
            {m().title ?? t(`meetingKind.${m().kind}` as MessageKey)} · {formatDateTime(m().startsAt, intlLocale())}
          </p>
        )}
      </Show>
      <HashField hash={printed()} onInput={setTyped} />
      <Show when={!minutes.synced()}>
        <p class="muted" data-testid="verify-local">
          {t('verify.local')}
        </p>
      </Show>
      <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <Show when={check()} fallback={<p class="muted">{t('verify.enterHash')}</p>}>
          {(c) => (
            <div class="verify-result" role="status" data-testid="verify-result" data-result={c().kind}>
              <Switch>
                <Match when={c().kind === 'matches'}>
                  <Verdict tone={since().length === 0 ? 'ok' : 'warn'}>
                    {since().length === 0 ? t('verify.matches') : t('verify.matchesAmended', { n: since().length })}
                  </Verdict>
                  <Show when={since().length > 0}>
                    <ol class="verify-amendments" data-testid="verify-amendments">
                      <For each={since()}>
                        {(a) => (
                          <li>
                            <p class="strong">{a.note}</p>
                            <p class="muted">
                              {t('minutes.amendedBy', {
                                name: nameOf(a.by),
                                time: formatDateTime(a.at, intlLocale()),
                              })}
                            </p>
                          </li>
                        )}
                      </For>
                    </ol>
                  </Show>
                </Match>
                <Match when={c().kind === 'not_locked'}>
                  <Verdict tone="bad">{t('verify.notLocked')}</Verdict>
                </Match>
                <Match when={c().kind === 'no_match'}>
                  <Verdict tone="bad">{t('verify.noMatch')}</Verdict>
                </Match>
              </Switch>
            </div>
          )}
        </Show>
      </Show>
    </article>
  );
}
