import { createUniqueId } from 'solid-js';

/** A labelled date input holding "YYYY-MM-DD". */
export function DateField(props: {
  label: string;
  value: string;
  onInput: (v: string) => void;
  min?: string;
  name?: string;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="input"
        type="date"
        name={props.name}
        value={props.value}
        min={props.min}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
