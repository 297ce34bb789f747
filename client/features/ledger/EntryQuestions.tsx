import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { LedgerRef } from '../../../shared/events/request.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRequests } from '../../domain/usePublicView.ts';
import { type MessageKey, t } from '../../i18n/index.ts';

/** The raise form's query naming the entry a question is about, e.g. `?ledger=expense:x1`. */
export const askHref = (path: (...parts: string[]) => string, ref: LedgerRef) =>
  `${path('agenda', 'new')}?ledger=${ref.kind}:${encodeURIComponent(ref.id)}`;

/** The questions (质询) raised about one ledger entry with where each stands, and a way to ask another. */
export function EntryQuestions(props: { entry: LedgerRef }) {
  const { path } = usePage();
  const requests = useRequests();
  const asked = createMemo(() => requests().filter((r) => r.ledgerRef?.id === props.entry.id));
  return (
    <div class="entry-questions">
      <Show when={asked().length > 0}>
        <p class="entry-caption">{t('ledger.questions')}</p>
        <ul class="entry-question-list" data-testid="entry-questions">
          <For each={asked()}>
            {(r) => (
              <li>
                <A href={path('agenda', r.id)} data-testid="entry-question">
                  {r.title}
                </A>
                <span class="stage" data-stage={r.stage}>
                  {t(`stage.${r.stage}` as MessageKey)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <A class="btn btn-secondary" href={askHref(path, props.entry)} data-testid="ask-about">
        {t('ledger.ask')}
      </A>
    </div>
  );
}
