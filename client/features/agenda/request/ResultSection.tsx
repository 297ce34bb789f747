import { For, Show } from 'solid-js';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { PhotoGrid } from '../../../media/PhotoGrid.tsx';
import { ConflictItem, ConflictNote } from '../../../ui/ConflictNote.tsx';

/** Step 5 公开评事: the reported result and what residents made of it (stars, solved or not). */
export function ResultSection(props: { request: RequestState; nameOf: (id: string) => string }) {
  const r = () => props.request;
  return (
    <Show when={r().completion}>
      {(c) => (
        <section class="section" aria-labelledby="result-heading" data-testid="result">
          <h2 id="result-heading">{t('step.report')}</h2>
          <div class="note">
            <p class="strong">{t('request.result')}</p>
            <p>{c().result}</p>
            <PhotoGrid hashes={c().photos} />
            <p class="muted">
              {props.nameOf(c().by)} · {formatDateTime(c().at, intlLocale())}
            </p>
          </div>
          <Show when={r().concurrentCompletions.length > 0}>
            <ConflictNote testid="concurrent-completions" text={t('request.concurrentCompletions')}>
              <For each={r().concurrentCompletions}>
                {(x) => (
                  <ConflictItem who={`${props.nameOf(x.by)} · ${formatDateTime(x.at, intlLocale())}`}>
                    <p>{x.result}</p>
                    <PhotoGrid hashes={x.photos} />
                  </ConflictItem>
                )}
              </For>
            </ConflictNote>
          </Show>
          <Show when={r().ratings.length > 0} fallback={<p class="muted">{t('request.noRatings')}</p>}>
            <p class="strong" data-testid="average">
              {t('request.average', { avg: (r().averageRating ?? 0).toFixed(1), n: r().ratings.length })}
            </p>
            <ul class="plain-list">
              <For each={r().ratings}>
                {(x) => (
                  <li class="plain-item">
                    {props.nameOf(x.by)}：{t('request.stars', { n: x.stars })}
                    <Show when={x.solved !== null}> · {x.solved ? t('request.solvedYes') : t('request.solvedNo')}</Show>
                    <Show when={x.comment}>：{x.comment}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
