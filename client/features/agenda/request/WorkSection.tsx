import { For, Show } from 'solid-js';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { formatDateTime, formatDay } from '../../../../shared/time.ts';
import { usePage } from '../../../domain/usePage.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoGrid } from '../../../media/PhotoGrid.tsx';
import { ConflictItem, ConflictNote } from '../../../ui/ConflictNote.tsx';
import { ownerLabel } from '../Timeline.tsx';
import { type OpenSheet, offeredActions } from './requestActions.tsx';

/** Step 4 明责办事 as recorded: who owns it by when, escalations and their answers, progress notes. */
export function WorkSection(props: {
  request: RequestState;
  nameOf: (id: string) => string;
  onAction: (open: OpenSheet) => void;
}) {
  const { session } = usePage();
  const r = () => props.request;
  const onEscalation = () => offeredActions('escalation', r(), session.member);
  return (
    <Show when={r().assignment || r().escalations.length > 0 || r().progress.length > 0}>
      <section class="section" aria-labelledby="work-heading" data-testid="work">
        <h2 id="work-heading">{t('step.assign')}</h2>
        <Show when={r().assignment}>
          {(a) => (
            <div class="note" data-testid="assignment">
              <p class="strong">{t('request.owner', { owner: ownerLabel(a().owner, props.nameOf) })}</p>
              <p>{t('request.deadline', { date: formatDay(a().deadline, intlLocale()) })}</p>
              <Show when={a().note}>
                <p>{a().note}</p>
              </Show>
              <Show when={a().source === 'minutes'}>
                <p class="muted" data-testid="assignment-from-minutes">
                  {t('request.fromMinutes')}
                </p>
              </Show>
            </div>
          )}
        </Show>
        <For each={r().escalations}>
          {(x) => (
            <div class="note" data-testid="escalation">
              <p class="strong">
                {t('request.escalatedTo', { to: x.department ?? t(`escalate.${x.to}` as MessageKey) })}
              </p>
              <Show when={x.note}>
                <p>{x.note}</p>
              </Show>
              <Show
                when={x.answer}
                fallback={
                  <>
                    <p class="muted">{t('request.noAnswer')}</p>
                    <For each={onEscalation()}>
                      {(action) => (
                        <button
                          type="button"
                          class="btn btn-secondary"
                          data-action={action.id}
                          onClick={() => props.onAction({ id: action.id, escalationId: x.eventId })}
                        >
                          {t(action.label)}
                        </button>
                      )}
                    </For>
                  </>
                }
              >
                {(a) => <p>{t('request.answer', { text: a().text })}</p>}
              </Show>
              <Show when={x.concurrentAnswers.length > 0}>
                <ConflictNote testid="concurrent-answers" text={t('request.concurrentAnswers')}>
                  <For each={x.concurrentAnswers}>
                    {(a) => (
                      <ConflictItem who={`${props.nameOf(a.by)} · ${formatDateTime(a.at, intlLocale())}`}>
                        <p>{t('request.answer', { text: a.text })}</p>
                      </ConflictItem>
                    )}
                  </For>
                </ConflictNote>
              </Show>
            </div>
          )}
        </For>
        <Show when={r().progress.length > 0}>
          <h3>{t('request.progress')}</h3>
          <For each={r().progress}>
            {(p) => (
              <div class="note">
                <p>{p.note}</p>
                <PhotoGrid hashes={p.photos} />
                <p class="muted">
                  {props.nameOf(p.by)} · {formatDateTime(p.at, intlLocale())}
                </p>
              </div>
            )}
          </For>
        </Show>
      </section>
    </Show>
  );
}
