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
  // The latest count came with a decision another was upheld over: it is shown with that one, struck,
  // and the standing decision's own count (if it came with one) here.
  const superseded = (eventId: string | undefined) =>
    r().upholdings.length > 0 && r().concurrentDecisions.some((d) => d.eventId === eventId);
  const tally = () => (superseded(r().settings.tally?.eventId) ? (r().decision?.tally ?? null) : r().tally);
  return (
    <Show when={r().tally || r().votes.length > 0 || r().decision || r().confirmations.length > 0}>
      <section class="section" aria-labelledby="deliberation-heading" data-testid="deliberation">
        <h2 id="deliberation-heading">{t('step.deliberate')}</h2>
        <Show when={tally()}>
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
              <Show when={r().upholdings[0]}>
                {(u) => (
                  <p class="strong" data-testid="decision-upheld">
                    {t('minutes.upheldBy', { name: props.nameOf(u().by) })}
                  </p>
                )}
              </Show>
              <For
                each={r()
                  .upholdings.slice(1)
                  .filter((u) => u.decisionId !== r().upholdings[0]?.decisionId)}
              >
                {(u) => (
                  <p class="note-warn" data-testid="decision-upheld-also">
                    {t('minutes.upheldAlso', { name: props.nameOf(u.by) })}
                  </p>
                )}
              </For>
            </div>
          )}
        </Show>
        {/* Settled (以这条为准): the others are superseded, struck through and said so; not a conflict any more. */}
        <Show when={r().decision && r().upholdings.length > 0 && r().concurrentDecisions.length > 0}>
          <div class="superseded-decisions" data-testid="superseded-decisions">
            <For each={r().concurrentDecisions}>
              {(d) => (
                <div class="superseded-decision" data-testid="superseded-decision">
                  <p>
                    <s>{t('request.decision', { outcome: t(`outcome.${d.outcome}` as MessageKey) })}</s>
                  </p>
                  <Show when={d.note}>
                    <p>
                      <s>{d.note}</s>
                    </p>
                  </Show>
                  <Show when={d.tally}>
                    {(x) => (
                      <p>
                        <s>{t('request.tally', { for: x().for, against: x().against, abstain: x().abstain })}</s>
                      </p>
                    )}
                  </Show>
                  <p class="strong">{t('minutes.superseded')}</p>
                  <p class="muted">
                    {props.nameOf(d.by)} · {formatDateTime(d.at, intlLocale())}
                  </p>
                </div>
              )}
            </For>
          </div>
        </Show>
        <Show when={r().decision && r().upholdings.length === 0 && r().concurrentDecisions.length > 0}>
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
