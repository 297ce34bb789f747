import { createSignal, For, Show } from 'solid-js';
import { listedRequest, type MeetingState, type RequestState } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { RequestCard } from '../../ui/RequestCard.tsx';
import type { TopicDiscussion } from '../minutes/parts.ts';
import { AddTopicForm } from './AddTopicForm.tsx';
import { orderTopics } from './actions.ts';
import { TopicOrderList } from './TopicOrderList.tsx';

/**
 * The meeting's topics (议题), then the form to add one: ordered before the meeting; at it, each card takes the topic up for
 * discussion, then starts a decision about it (`discussion`, from the meeting's day while the
 * minutes are open).
 */
export function MeetingTopics(props: {
  meeting: MeetingState;
  topics: RequestState[];
  /** The meeting is still to be held: topics are added and ordered. */
  upcoming: boolean;
  discussion?: TopicDiscussion | undefined;
  nameOf: (memberId: string) => string;
}) {
  const { session, path } = usePage();
  const [ordering, setOrdering] = createSignal(false);
  const mayOrder = () => mayAppend('meeting.topics.ordered', session.member) && props.topics.length > 1;
  const working = () => (props.discussion?.atMeeting() ? props.discussion : undefined);
  return (
    <section class="section meeting-topics" aria-labelledby="topics-heading" data-testid="meeting-topics-section">
      <h2 id="topics-heading">{t('meetings.topicsHeading', { n: props.topics.length })}</h2>
      <p class="field-hint">{t(props.meeting.topicOrder ? 'meetings.topicsOrdered' : 'meetings.topicsOrder')}</p>
      <Show when={props.upcoming && mayOrder()}>
        <button
          type="button"
          class="btn btn-secondary btn-block topic-order-toggle"
          aria-pressed={ordering()}
          data-testid="topic-order-toggle"
          onClick={() => setOrdering((o) => !o)}
        >
          {t(ordering() ? 'meetings.topicOrderDone' : 'meetings.topicOrderStart')}
        </button>
      </Show>
      <Show when={props.topics.length > 0} fallback={<p class="empty">{t('meetings.noTopics')}</p>}>
        <Show
          when={ordering() && mayOrder() && props.upcoming}
          fallback={
            <ul class="cards" data-testid="meeting-topics">
              <For each={props.topics}>
                {(r) => (
                  <RequestCard request={listedRequest(r)} href={path('agenda', r.id)} now={now()} nameOf={props.nameOf}>
                    <Show when={working()}>{(d) => <TopicButtons discussion={d()} requestId={r.id} />}</Show>
                  </RequestCard>
                )}
              </For>
            </ul>
          }
        >
          <TopicOrderList
            topics={props.topics}
            onOrder={(ids) => {
              // Cancelled meanwhile (the list then closes): the relay would refuse the order.
              if (props.meeting.status === 'scheduled') orderTopics(session, props.meeting.meetingId, ids);
            }}
          />
        </Show>
      </Show>
      {/* After the list: at the meeting the topics come first; residents add theirs beforehand. */}
      <Show when={props.upcoming}>
        <AddTopicForm meetingId={props.meeting.meetingId} />
      </Show>
    </section>
  );
}

/** A topic at the meeting: 开始讨论 until it is taken up; then where it stands, and 记下决定. */
function TopicButtons(props: { discussion: TopicDiscussion; requestId: string }) {
  const status = () => props.discussion.status(props.requestId);
  const act = (testId: string, label: MessageKey, kind: 'primary' | 'secondary', run: (id: string) => void) => (
    <button type="button" class={`btn btn-${kind} btn-block`} data-testid={testId} onClick={() => run(props.requestId)}>
      {t(label)}
    </button>
  );
  return (
    <Show when={status()} fallback={act('topic-take-up', 'meetings.topicTakeUp', 'secondary', props.discussion.takeUp)}>
      {(s) => (
        <>
          <p class="topic-status strong" data-testid="topic-status" data-status={s()}>
            {t(s() === 'discussing' ? 'meetings.topicDiscussing' : 'meetings.topicDiscussed')}
          </p>
          {act('topic-decide', 'meetings.topicDecide', 'primary', props.discussion.decide)}
        </>
      )}
    </Show>
  );
}
