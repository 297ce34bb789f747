import { createUniqueId, For } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';
import { createFieldError, FieldMessage } from '../../ui/Form.tsx';
import { requestChoiceLabel } from '../../ui/requestChoice.ts';

/** Which agenda request an entry is about; "none" is allowed unless `required`. */
export function DecisionRequestPicker(props: {
  label: string;
  choices: RequestState[];
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  testId?: string;
  name?: string;
  error?: string;
}) {
  const id = createUniqueId();
  let control: HTMLSelectElement | undefined;
  const error = createFieldError(props, () => control);
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
      >
        <option value="">{props.required ? t('minutes.pickRequest') : t('minutes.noRequest')}</option>
        <For each={props.choices}>{(r) => <option value={r.id}>{requestChoiceLabel(r)}</option>}</For>
      </select>
    </div>
  );
}
