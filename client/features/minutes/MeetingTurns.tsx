import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { MyActionTodo } from '../../domain/useMeetingMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { OverdueBadge } from '../../ui/badges.tsx';
import { ownerText } from './ActionItemList.tsx';

/**
 * 会议待办: action items from recent minutes this member or their party owns, each a link to its
 * request (or the meeting) with a button to mark it done; nothing when none. Under 等谁办 the same
 * rows list a party's items, each naming its owner (`nameOf`), the button for those who may mark it.
 */
export function MeetingTurns(props: {
  todos: MyActionTodo[];
  /** The list's heading, if not 会议待办 (n). */
  heading?: string;
  testId?: string;
  /** Given, each row names its owner (the list holds others' items). */
  nameOf?: (memberId: string) => string;
  /** Whether this member may mark the item done: always, for their own list. */
  mayMarkDone?: (todo: MyActionTodo) => boolean;
}) {
  const { path } = usePage();
  const view = usePublicView();
  const meetingText = (meetingId: string) => {
    const m = view().compound.meetings.meetings[meetingId];
    return m ? (m.title ?? t(`meetingKind.${m.kind}` as MessageKey)) : '';
  };
  const testId = () => props.testId ?? 'meeting-turns';
  const requestTitle = (id: string | null) => (id ? view().compound.agenda.requests[id]?.title : undefined);
  return (
    <Show when={props.todos.length > 0}>
      <section class="section meeting-turns" aria-labelledby={`${testId()}-heading`} data-testid={testId()}>
        <h2 id={`${testId()}-heading`} class="turns-heading">
          {props.heading ?? t('minutes.turnsHeading', { n: props.todos.length })}
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
                  <Show
                    when={props.nameOf}
                    fallback={
                      <span class="row-sub">
                        {t('minutes.turnFrom', {
                          meeting: meetingText(todo.meetingId),
                          date: formatDay(todo.item.deadline, intlLocale()),
                        })}
                      </span>
                    }
                  >
                    {(nameOf) => (
                      <>
                        <span class="row-sub" data-testid="meeting-todo-owner">
                          {t('minutes.actionOwner', {
                            owner: ownerText(todo.item.owner, nameOf()),
                            date: formatDay(todo.item.deadline, intlLocale()),
                          })}
                        </span>
                        <span class="row-sub">
                          {t('minutes.turnMeeting', { meeting: meetingText(todo.meetingId) })}
                        </span>
                      </>
                    )}
                  </Show>
                  <OverdueBadge deadline={todo.item.deadline} now={now()} />
                  <Show when={requestTitle(todo.item.requestId)}>
                    {(title) => <span class="row-sub">{title()}</span>}
                  </Show>
                </A>
                <Show when={props.mayMarkDone?.(todo) ?? true}>
                  <button
                    type="button"
                    class="btn btn-secondary action-done"
                    data-testid="action-done"
                    onClick={() => todo.actions.markDone(todo.item)}
                  >
                    {t('minutes.actionDone')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
