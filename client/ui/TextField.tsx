import { createUniqueId, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { createFieldError, FieldMessage } from './Form.tsx';

/**
 * A labelled input or textarea with an optional hint; the label says when it is optional. What is
 * wrong with it (`error`, or what its form says about its `name`) shows under the label until edited.
 */
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
  error?: string;
}) {
  const id = createUniqueId();
  let control: HTMLElement | undefined;
  const error = createFieldError(props, () => control);
  const input = (value: string) => {
    error.edited();
    props.onInput(value);
  };
  return (
    <div class="field" classList={{ 'field-invalid': !!error.message() }}>
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
      <FieldMessage id={error.id} message={error.message()} />
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
            aria-invalid={error.message() ? 'true' : undefined}
            aria-describedby={error.describedBy(props.hint && `${id}-hint`)}
            ref={(el) => {
              control = el;
            }}
            onInput={(e) => input(e.currentTarget.value)}
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
          aria-invalid={error.message() ? 'true' : undefined}
          aria-describedby={error.describedBy(props.hint && `${id}-hint`)}
          ref={(el) => {
            control = el;
          }}
          onInput={(e) => input(e.currentTarget.value)}
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
