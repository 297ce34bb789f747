import { createUniqueId } from 'solid-js';

/** A labelled time input holding "HH:MM" (Asia/Shanghai, as every duty's times). */
export function TimeField(props: { label: string; value: string; onInput: (v: string) => void; name?: string }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="input"
        type="time"
        name={props.name}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
