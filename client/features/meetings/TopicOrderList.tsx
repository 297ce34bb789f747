import { For } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';
import { IconChevron } from '../../ui/icons.tsx';

/** The committee puts the topics in order with one thumb: a big up and down button on each row. */
export function TopicOrderList(props: { topics: RequestState[]; onOrder: (requestIds: string[]) => void }) {
  const move = (index: number, by: -1 | 1) => {
    const ids = props.topics.map((r) => r.id);
    const to = index + by;
    const [moved] = ids.splice(index, 1);
    if (moved === undefined || to < 0 || to > ids.length) return;
    ids.splice(to, 0, moved);
    props.onOrder(ids);
  };
  return (
    <ol class="topic-order" data-testid="topic-order">
      <For each={props.topics}>
        {(r, i) => (
          <li class="topic-order-row" data-testid="topic-order-row" data-id={r.id}>
            <span class="topic-order-n" aria-hidden="true">
              {i() + 1}
            </span>
            <span class="topic-order-title">{r.title}</span>
            <button
              type="button"
              class="btn btn-secondary topic-move topic-up"
              data-testid="topic-up"
              aria-label={t('meetings.topicUp', { title: r.title })}
              disabled={i() === 0}
              onClick={() => move(i(), -1)}
            >
              <IconChevron size={28} />
            </button>
            <button
              type="button"
              class="btn btn-secondary topic-move topic-down"
              data-testid="topic-down"
              aria-label={t('meetings.topicDown', { title: r.title })}
              disabled={i() === props.topics.length - 1}
              onClick={() => move(i(), 1)}
            >
              <IconChevron size={28} />
            </button>
          </li>
        )}
      </For>
    </ol>
  );
}
