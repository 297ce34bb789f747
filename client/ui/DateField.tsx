import { createUniqueId, For, type JSX, Show } from 'solid-js';
import { createFieldError, FieldMessage } from './Form.tsx';

interface FieldProps {
  label: string;
  value: string;
  onInput: (v: string) => void;
  name?: string;
  error?: string;
}

/** A labelled date or time input; what is wrong with it shows under the label (see TextField). */
function LabelledInput(
  props: FieldProps & {
    type: 'date' | 'time';
    min?: string;
    max?: string;
    after?: (edited: () => void) => JSX.Element;
  },
) {
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
        type={props.type}
        name={props.name}
        value={props.value}
        min={props.min}
        max={props.max}
        aria-invalid={error.message() ? 'true' : undefined}
        aria-describedby={error.describedBy()}
        onInput={(e) => {
          error.edited();
          props.onInput(e.currentTarget.value);
        }}
      />
      {props.after?.(() => error.edited())}
    </div>
  );
}

/** A labelled date input holding "YYYY-MM-DD". */
export function DateField(
  props: FieldProps & {
    min?: string;
    max?: string;
    /** Days one tap away under the field ("一周后"): the date picker is small work for an old thumb. */
    quick?: readonly { label: string; day: string }[];
  },
) {
  return (
    <LabelledInput
      {...props}
      type="date"
      after={(edited) => (
        <Show when={props.quick?.length}>
          <div class="date-quick">
            <For each={props.quick}>
              {(q) => (
                <button
                  type="button"
                  class="btn btn-secondary btn-small"
                  aria-pressed={props.value === q.day}
                  onClick={() => {
                    edited();
                    props.onInput(q.day);
                  }}
                >
                  {q.label}
                </button>
              )}
            </For>
          </div>
        </Show>
      )}
    />
  );
}

/** A labelled time input holding "HH:MM" (Asia/Shanghai: a duty's or a meeting's time). */
export function TimeField(props: FieldProps) {
  return <LabelledInput {...props} type="time" />;
}
