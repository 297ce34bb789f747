import { createUniqueId } from 'solid-js';
import { createFieldError, FieldMessage } from './Form.tsx';

/** A labelled time input holding "HH:MM" (Asia/Shanghai: a duty's or a meeting's time); errors as in DateField. */
export function TimeField(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  name?: string;
  error?: string;
}) {
  const id = createUniqueId();
  let control: HTMLInputElement | undefined;
  const error = createFieldError(props, () => control);
  return (
    <div class="field" classList={{ 'field-invalid': !!error.message() }}>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <FieldMessage id={error.id} message={error.message()} />
      <input
        ref={control}
        id={id}
        class="input"
        type="time"
        name={props.name}
        value={props.value}
        aria-invalid={error.message() ? 'true' : undefined}
        aria-describedby={error.describedBy()}
        onInput={(e) => {
          error.edited();
          props.onInput(e.currentTarget.value);
        }}
      />
    </div>
  );
}
