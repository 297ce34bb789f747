import { createUniqueId, For } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';

/** Which agenda request an entry is about; "none" is allowed unless `required`. */
export function DecisionRequestPicker(props: {
  label: string;
  choices: RequestState[];
  value: string;
  onChange: (id: string) => void;
  required?: boolean;
  testId?: string;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="input minutes-select"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={props.testId}
      >
        <option value="">{props.required ? t('minutes.pickRequest') : t('minutes.noRequest')}</option>
        <For each={props.choices}>{(r) => <option value={r.id}>{r.title}</option>}</For>
      </select>
    </div>
  );
}
