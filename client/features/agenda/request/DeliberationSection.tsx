import { For, Show } from 'solid-js';
import { type RequestState, voteCounts } from '../../../../shared/folds/index.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoGrid } from '../../../media/PhotoGrid.tsx';
import { ConflictItem, ConflictNote } from '../../../ui/ConflictNote.tsx';
import { listText } from '../../../ui/listText.ts';

/** Step 3 民主议事 as recorded: the show of hands, the votes, the decision and who signed it. */
export function DeliberationSection(props: { request: RequestState; nameOf: (id: string) => string }) {
  const r = () => props.request;
  return (
    <Show when={r().tally || r().votes.length > 0 || r().decision || r().confirmations.length > 0}>
      <section class="section" aria-labelledby="deliberation-heading" data-testid="deliberation">
        <h2 id="deliberation-heading">{t('step.deliberate')}</h2>
        <Show when={r().tally}>
          {(x) => (
            <p data-testid="tally">
              {t('request.tally', { for: x().for, against: x().against, abstain: x().abstain })}
            </p>
          )}
        </Show>
        <Show when={r().votes.length > 0}>
          <p>{t('request.votes', voteCounts(r()))}</p>
        </Show>
        <Show when={r().decision}>
          {(d) => (
            <div class="note" data-testid="decision">
              <p class="strong">{t('request.decision', { outcome: t(`outcome.${d().outcome}` as MessageKey) })}</p>
              <Show when={d().note}>
                <p>{d().note}</p>
              </Show>
              <p class="muted">
                {props.nameOf(d().by)} · {formatDateTime(d().at, intlLocale())}
              </p>
            </div>
          )}
        </Show>
        <Show when={r().decision && r().concurrentDecisions.length > 0}>
          <ConflictNote
            testid="concurrent-decisions"
            text={t('request.concurrentDecisions', {
              outcome: t(`outcome.${r().decision!.outcome}` as MessageKey),
            })}
          >
            <For each={r().concurrentDecisions}>
              {(d) => (
                <ConflictItem who={`${props.nameOf(d.by)} · ${formatDateTime(d.at, intlLocale())}`}>
                  <p class="strong">{t('request.decision', { outcome: t(`outcome.${d.outcome}` as MessageKey) })}</p>
                  <Show when={d.note}>
                    <p>{d.note}</p>
                  </Show>
                </ConflictItem>
              )}
            </For>
          </ConflictNote>
        </Show>
        <Show when={r().confirmations.length > 0}>
          <p data-testid="confirmations">
            {t('request.confirmations', {
              n: r().confirmations.reduce((n, c) => n + (c.onPaper ? c.onPaper.names.length : 1), 0),
            })}
          </p>
          <For each={r().confirmations.filter((c) => c.onPaper)}>
            {(c) => (
              <div class="note">
                <p>{t('request.paperNames', { names: listText(c.onPaper!.names) })}</p>
                <PhotoGrid hashes={c.onPaper!.photos} />
              </div>
            )}
          </For>
        </Show>
      </section>
    </Show>
  );
}
