import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { MyActionTodo } from '../../domain/useMeetingMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { OverdueBadge } from '../../ui/badges.tsx';

/**
 * 会议待办: action items from recent minutes this member or their party owns, each a link to its
 * request (or the meeting) with a button to mark it done; nothing when none.
 */
export function MeetingTurns(props: { todos: MyActionTodo[] }) {
  const { path } = usePage();
  const view = usePublicView();
  const meetingText = (meetingId: string) => {
    const m = view().compound.meetings.meetings[meetingId];
    return m ? (m.title ?? t(`meetingKind.${m.kind}` as MessageKey)) : '';
  };
  const requestTitle = (id: string | null) => (id ? view().compound.agenda.requests[id]?.title : undefined);
  return (
    <Show when={props.todos.length > 0}>
      <section class="section meeting-turns" aria-labelledby="meeting-turns-heading" data-testid="meeting-turns">
        <h2 id="meeting-turns-heading" class="turns-heading">
          {t('minutes.turnsHeading', { n: props.todos.length })}
        </h2>
        <ul class="link-list">
          <For each={props.todos}>
            {(todo) => (
              <li class="row meeting-todo" data-testid="meeting-todo" data-id={todo.item.eventId}>
                <A
                  href={todo.item.requestId ? path('agenda', todo.item.requestId) : path('meetings', todo.meetingId)}
                  class="row-main row-link"
                >
                  <span class="row-title">{todo.item.text}</span>
                  <span class="row-sub">
                    {t('minutes.turnFrom', {
                      meeting: meetingText(todo.meetingId),
                      date: formatDay(todo.item.deadline, intlLocale()),
                    })}
                  </span>
                  <OverdueBadge deadline={todo.item.deadline} now={now()} />
                  <Show when={requestTitle(todo.item.requestId)}>
                    {(title) => <span class="row-sub">{title()}</span>}
                  </Show>
                </A>
                <button
                  type="button"
                  class="btn btn-secondary action-done"
                  data-testid="action-done"
                  onClick={() => todo.actions.markDone(todo.item)}
                >
                  {t('minutes.actionDone')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
