import { createMemo, For, Show } from 'solid-js';
import { formatDateTime } from '../../../../shared/time.ts';
import { anomaliesOf, type PublicView } from '../../../domain/PublicFold.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { anomalyText } from '../../../i18n/reasons.ts';
import { IconAlert } from '../../../ui/icons.tsx';

/** Events on this request the fold set aside, who wrote them and why, so the committee can sort them out. */
export function AnomaliesSection(props: { view: PublicView; requestId: string; nameOf: (id: string) => string }) {
  const anomalies = createMemo(() => anomaliesOf(props.view, props.requestId));
  return (
    <Show when={anomalies().length > 0}>
      <section class="section anomalies" aria-labelledby="anomalies-heading" data-testid="anomalies">
        <h2 id="anomalies-heading" class="with-icon">
          <IconAlert size={24} />
          {t('request.anomalies', { n: anomalies().length })}
        </h2>
        <p>{t('request.anomaliesHint')}</p>
        <ul class="plain-list">
          <For each={anomalies()}>
            {(a) => (
              <li class="plain-item">
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
  );
}
