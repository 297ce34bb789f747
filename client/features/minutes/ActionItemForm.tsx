import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { type Party, parties } from '../../../shared/roles.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { Minutes } from '../../domain/useMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { DecisionRequestPicker } from './DecisionRequestPicker.tsx';
import type { RequestChoices } from './requestChoices.ts';
import { createRequestChoice } from './topicDiscussion.ts';

const TWO_WEEKS_MS = 14 * 24 * 3600_000;

/** Creates an action item: what, which party owns it, by which day, and the request it moves. */
export function ActionItemForm(props: {
  minutes: Minutes;
  choices: RequestChoices;
  requestOf: (requestId: string) => RequestState | undefined;
  /** What the item is about unless the member chooses: the topic picked or last taken up. */
  defaultRequest: string;
  picked?: { requestId: string } | undefined;
}) {
  const ownerId = createUniqueId();
  const [text, setText] = createSignal('');
  const [owner, setOwner] = createSignal<Party>('property');
  const [deadline, setDeadline] = createSignal(shanghaiDay(now() + TWO_WEEKS_MS));
  const { request, choose } = createRequestChoice(props);
  // Before the request is approved (or once it is done) the item stays in the minutes: say so at once,
  // as the write will decide it (the same copy of the request, whether or not it is still in the list).
  const minutesOnly = () => !!request() && !props.minutes.assigns(request());

  const add = createSubmit(() => {
    if (!text().trim()) return { field: 'action', message: t('form.fillRequired', { field: t('minutes.actionText') }) };
    if (!deadline())
      return { field: 'deadline', message: t('form.fillRequired', { field: t('minutes.actionDeadline') }) };
    props.minutes.createAction({
      text: text(),
      owner: { party: owner() },
      deadline: deadline(),
      requestId: request() || undefined,
    });
    setText('');
  });

  return (
    <Form submit={add} class="form minutes-form" testId="action-form">
      <DecisionRequestPicker
        label={t('minutes.actionAbout')}
        choices={props.choices}
        requestOf={props.requestOf}
        value={request()}
        onChange={choose}
        testId="action-request"
      />
      <Show when={minutesOnly()}>
        <p class="field-hint" data-testid="action-minutes-only">
          {t('minutes.actionMinutesOnly')}
        </p>
      </Show>
      <TextField
        label={t('minutes.actionText')}
        required
        value={text()}
        onInput={setText}
        maxLength={1000}
        name="action"
      />
      <div class="field">
        <label class="field-label" for={ownerId}>
          {t('minutes.actionOwnerLabel')}
        </label>
        <select
          id={ownerId}
          class="input minutes-select"
          value={owner()}
          onChange={(e) => setOwner(e.currentTarget.value as Party)}
          data-testid="action-owner"
        >
          <For each={parties}>{(p) => <option value={p}>{t(`party.${p}` as MessageKey)}</option>}</For>
        </select>
      </div>
      <DateField
        label={t('minutes.actionDeadline')}
        value={deadline()}
        onInput={setDeadline}
        min={shanghaiDay(now())}
        name="deadline"
      />
      <FormError error={add.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="action-add">
        {t('minutes.actionAdd')}
      </button>
    </Form>
  );
}
