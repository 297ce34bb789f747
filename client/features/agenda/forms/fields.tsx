import { createUniqueId, For, Show } from 'solid-js';
import { createFieldError, FieldMessage } from '../../../ui/Form.tsx';

export function NumberField(props: { label: string; value: number; onInput: (n: number) => void; name?: string }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="input input-number"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        name={props.name}
        value={props.value}
        onInput={(e) => props.onInput(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))}
      />
    </div>
  );
}

export function SelectField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
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
        class="input"
        name={props.name}
        value={props.value}
        aria-invalid={error.message() ? 'true' : undefined}
        aria-describedby={error.describedBy()}
        onChange={(e) => {
          error.edited();
          props.onChange(e.currentTarget.value);
        }}
      >
        <Show when={props.placeholder}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </div>
  );
}
