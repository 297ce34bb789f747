import { createSignal, For, Show } from 'solid-js';
import type { RequestState, TopicOrder } from '../../../shared/folds/index.ts';
import type { Minutes } from '../../domain/useMinutes.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { DecisionRequestPicker } from './DecisionRequestPicker.tsx';
import { itemsInTopicOrder } from './itemsInTopicOrder.ts';
import type { RequestChoices } from './requestChoices.ts';

/** The agenda requests the meeting took up, and (for the committee, before the lock) one more. */
export function DecisionTopics(props: {
  minutes: Minutes;
  choices: RequestChoices;
  requestOf: (requestId: string) => RequestState | undefined;
  titleOf: (requestId: string) => string;
  editable: boolean;
  order: TopicOrder | null;
}) {
  const [pick, setPick] = createSignal('');
  const takeUp = createSubmit(() => {
    if (!pick()) return { field: 'request', message: t('minutes.pickRequest') };
    props.minutes.takeUp(pick());
    setPick('');
  });
  const open = (): RequestChoices => {
    const taken = new Set(props.minutes.state().items.map((i) => i.requestId));
    return {
      topics: props.choices.topics.filter((r) => !taken.has(r.id)),
      others: props.choices.others.filter((r) => !taken.has(r.id)),
    };
  };
  return (
    <div class="minutes-block" data-testid="minutes-items">
      <h3>{t('minutes.itemsHeading', { n: props.minutes.state().items.length })}</h3>
      <Show when={props.minutes.state().items.length > 0} fallback={<p class="muted">{t('minutes.noItems')}</p>}>
        <ol class="minutes-entries">
          <For each={itemsInTopicOrder(props.minutes.state().items, props.order)}>
            {(item) => (
              <li class="minutes-entry" data-testid="minutes-item">
                {props.titleOf(item.requestId)}
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.editable}>
        <Form submit={takeUp} class="form minutes-form">
          <DecisionRequestPicker
            label={t('minutes.takeUpLabel')}
            choices={open()}
            requestOf={props.requestOf}
            value={pick()}
            onChange={setPick}
            required
            name="request"
            testId="take-up-pick"
          />
          <FormError error={takeUp.error()} />
          <button type="submit" class="btn btn-secondary btn-block" data-testid="take-up">
            {t('minutes.takeUp')}
          </button>
        </Form>
      </Show>
    </div>
  );
}
