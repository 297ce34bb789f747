import { createEffect, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';
import { createFieldError, FieldMessage } from '../../ui/Form.tsx';
import { requestChoiceLabel } from '../../ui/requestChoice.ts';
import type { RequestChoices } from './requestChoices.ts';

/**
 * Which agenda request an entry is about; "none" is allowed unless `required`. The meeting's own
 * topics are listed; the other requests only after "show more" (at once when the meeting has none).
 * The request chosen stays listed when it leaves both lists (decided or assigned meanwhile).
 */
export function DecisionRequestPicker(props: {
  label: string;
  choices: RequestChoices;
  value: string;
  onChange: (id: string) => void;
  /** The request chosen, looked up in the whole agenda: one no longer in the lists is still shown as chosen. */
  requestOf: (id: string) => RequestState | undefined;
  required?: boolean;
  testId?: string;
  name?: string;
  error?: string;
}) {
  const id = createUniqueId();
  let control: HTMLSelectElement | undefined;
  const error = createFieldError(props, () => control);
  const [more, setMore] = createSignal(false);
  const topics = () => props.choices.topics;
  const othersShown = () => more() || topics().length === 0;
  const listed = (value: string) =>
    topics().some((r) => r.id === value) || (othersShown() && props.choices.others.some((r) => r.id === value));
  // Chosen and not listed (another request, or one that left the lists): kept as the select's value.
  const chosenElsewhere = () => (props.value && !listed(props.value) ? props.requestOf(props.value) : undefined);
  // Options come and go (show more, a request leaving the lists): the select keeps showing the value.
  createEffect(() => {
    const value = props.value;
    othersShown();
    chosenElsewhere();
    void [topics().length, props.choices.others.length];
    if (control) control.value = value;
  });
  return (
    <div class="field" classList={{ 'field-invalid': !!error.message() }}>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <FieldMessage id={error.id} message={error.message()} />
      <select
        ref={control}
        id={id}
        class="input minutes-select"
        name={props.name}
        value={props.value}
        aria-invalid={error.message() ? 'true' : undefined}
        aria-describedby={error.describedBy()}
        onChange={(e) => {
          error.edited();
          props.onChange(e.currentTarget.value);
        }}
        data-testid={props.testId}
        data-more={othersShown()}
      >
        <option value="">{props.required ? t('minutes.pickRequest') : t('minutes.noRequest')}</option>
        <Show when={chosenElsewhere()}>{(r) => <option value={r().id}>{requestChoiceLabel(r())}</option>}</Show>
        <Show when={topics().length > 0}>
          <optgroup label={t('minutes.pickerTopics')}>
            <For each={topics()}>{(r) => <option value={r.id}>{requestChoiceLabel(r)}</option>}</For>
          </optgroup>
        </Show>
        <Show when={othersShown() && props.choices.others.length > 0}>
          <optgroup label={t('minutes.pickerOthers')}>
            <For each={props.choices.others}>{(r) => <option value={r.id}>{requestChoiceLabel(r)}</option>}</For>
          </optgroup>
        </Show>
      </select>
      <Show when={topics().length > 0 && props.choices.others.length > 0}>
        <button
          type="button"
          class="btn btn-secondary btn-block picker-more"
          aria-pressed={more()}
          onClick={() => setMore((m) => !m)}
          data-testid={props.testId ? `${props.testId}-more` : undefined}
        >
          {more() ? t('minutes.pickerLess') : t('minutes.pickerMore', { n: props.choices.others.length })}
        </button>
      </Show>
    </div>
  );
}
