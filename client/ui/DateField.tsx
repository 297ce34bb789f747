import { createUniqueId, For, Show } from 'solid-js';
import { createFieldError, FieldMessage } from './Form.tsx';

/** A labelled date input holding "YYYY-MM-DD"; what is wrong with it shows under the label (see TextField). */
export function DateField(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  min?: string;
  name?: string;
  error?: string;
  /** Days one tap away under the field ("一周后"): the date picker is small work for an old thumb. */
  quick?: readonly { label: string; day: string }[];
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
        type="date"
        name={props.name}
        value={props.value}
        min={props.min}
        aria-invalid={error.message() ? 'true' : undefined}
        aria-describedby={error.describedBy()}
        onInput={(e) => {
          error.edited();
          props.onInput(e.currentTarget.value);
        }}
      />
      <Show when={props.quick?.length}>
        <div class="date-quick">
          <For each={props.quick}>
            {(q) => (
              <button
                type="button"
                class="btn btn-secondary btn-small"
                aria-pressed={props.value === q.day}
                onClick={() => {
                  error.edited();
                  props.onInput(q.day);
                }}
              >
                {q.label}
              </button>
            )}
          </For>
        </div>
      </Show>
    </div>
  );
}
