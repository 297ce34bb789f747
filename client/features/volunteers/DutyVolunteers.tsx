import { createMemo, For, Show } from 'solid-js';
import type { DutyState } from '../../../shared/folds/index.ts';
import { formatDateTime } from '../../../shared/time.ts';
import type { DutyAnomaly } from '../../domain/useRosters.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { anomalyText } from '../../i18n/reasons.ts';
import { IconAlert } from '../../ui/icons.tsx';
import { hoursText } from './format.ts';

/** Who holds a slot (in the order they signed up) and where each stands; then what the fold set aside. */
export function DutyVolunteers(props: {
  duty: DutyState;
  anomalies: readonly DutyAnomaly[];
  nameOf: (id: string) => string;
  forLead: boolean;
}) {
  const signups = createMemo(() =>
    Object.entries(props.duty.signups).sort((a, b) => a[1].at - b[1].at || (a[0] < b[0] ? -1 : 1)),
  );
  const status = (s: DutyState['signups'][string]) =>
    s.minutes !== null
      ? t('volunteers.served', { time: hoursText(s.minutes) })
      : s.checkedInAt !== null
        ? t('volunteers.onDuty', { time: formatDateTime(s.checkedInAt, intlLocale()) })
        : t('volunteers.coming');
  const overfull = () => props.anomalies.filter((a) => a.reason.code === 'no_free_slot');
  const others = () => props.anomalies.filter((a) => a.reason.code !== 'no_free_slot');

  return (
    <>
      <section class="section" aria-labelledby="volunteers-heading">
        <h2 id="volunteers-heading">{t('volunteers.whoIsComing')}</h2>
        <Show when={signups().length > 0} fallback={<p class="empty">{t('volunteers.nobodyYet')}</p>}>
          <ul class="rows" data-testid="signups">
            <For each={signups()}>
              {([memberId, s]) => (
                <li class="row" data-testid="signup-item" data-member={memberId}>
                  <div class="row-main">
                    <span class="row-title">{props.nameOf(memberId)}</span>
                    <span class="row-sub">{status(s)}</span>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={overfull().length > 0}>
        <section class="section duty-alert" aria-labelledby="overfull-heading" data-testid="duty-overfull">
          <h2 id="overfull-heading" class="with-icon">
            <IconAlert size={24} />
            {t('volunteers.overfull', { n: overfull().length })}
          </h2>
          <p>{props.forLead ? t('volunteers.overfullLead') : t('volunteers.overfullHint')}</p>
          <ul class="duty-alert-list">
            <For each={overfull()}>
              {(a) => (
                <li data-testid="overfull-item">
                  <span class="strong">{props.nameOf(a.memberId ?? a.by)}</span>
                  <span class="muted"> · {formatDateTime(a.at, intlLocale())}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
      <Show when={others().length > 0}>
        <section class="section duty-alert" aria-labelledby="duty-anomalies-heading" data-testid="duty-anomalies">
          <h2 id="duty-anomalies-heading" class="with-icon">
            <IconAlert size={24} />
            {t('request.anomalies', { n: others().length })}
          </h2>
          <ul class="duty-alert-list">
            <For each={others()}>
              {(a) => (
                <li>
                  <span class="strong">
                    {props.nameOf(a.by)}：{t(`event.${a.type}` as MessageKey)}
                  </span>{' '}
                  — {anomalyText(a.reason)}
                  <span class="muted"> · {formatDateTime(a.at, intlLocale())}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
