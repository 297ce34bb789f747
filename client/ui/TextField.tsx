import { createUniqueId, Show } from 'solid-js';
import { t } from '../i18n/index.ts';

/** A labelled input or textarea with an optional hint; the label says when it is optional. */
export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
  name?: string;
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url';
  /** What the typed text reads as, said back under the field as it is typed (an amount in words). */
  echo?: string;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
        <Show when={!props.required}>
          <span class="field-optional">{t('form.optional')}</span>
        </Show>
      </label>
      <Show when={props.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            id={id}
            name={props.name}
            class="input"
            value={props.value}
            placeholder={props.placeholder}
            required={props.required}
            maxLength={props.maxLength}
            autocomplete={props.autocomplete ?? 'off'}
            inputMode={props.inputMode}
            aria-describedby={props.hint ? `${id}-hint` : undefined}
            onInput={(e) => props.onInput(e.currentTarget.value)}
            // The Enter that picks a pinyin candidate is the IME's, not a submit of the form.
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
            }}
          />
        }
      >
        <textarea
          id={id}
          name={props.name}
          class="input"
          rows={4}
          value={props.value}
          placeholder={props.placeholder}
          required={props.required}
          maxLength={props.maxLength}
          aria-describedby={props.hint ? `${id}-hint` : undefined}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      </Show>
      <Show when={props.echo}>
        <p class="field-echo" aria-live="polite" data-testid={props.name ? `${props.name}-echo` : undefined}>
          {props.echo}
        </p>
      </Show>
    </div>
  );
}
