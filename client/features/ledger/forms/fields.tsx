import { createUniqueId, For, Show } from 'solid-js';
import { fenInCapitals, formatFen, readAmount } from '../../../../shared/money.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { createFieldError, FieldMessage } from '../../../ui/Form.tsx';
import { TextField } from '../../../ui/TextField.tsx';

/**
 * Yuan as typed ("12.30", "¥1,200"); the form reads it with readAmount. Once it reads as money, the
 * amount is said back under the field, in capitals too (= ¥86,000.00（捌万陆仟元整）): 8600 and 86000
 * look alike on a small screen.
 */
export function AmountField(props: {
  label?: string;
  hint?: string;
  value: string;
  onInput: (v: string) => void;
  required?: boolean;
}) {
  const echo = () => {
    const reading = readAmount(props.value);
    if (!('fen' in reading)) return undefined;
    return t('ledger.field.amountEcho', {
      amount: formatFen(reading.fen, intlLocale()),
      capitals: fenInCapitals(reading.fen),
    });
  };
  return (
    <TextField
      label={props.label ?? t('ledger.field.amount')}
      hint={props.hint ?? t('ledger.field.amountHint')}
      value={props.value}
      onInput={props.onInput}
      inputMode="decimal"
      required={props.required ?? true}
      maxLength={24}
      name="amount"
      echo={echo()}
    />
  );
}

/** A labelled drop-down; an empty value shows the placeholder. */
export function PickField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  name: string;
  required?: boolean;
  error?: string;
}) {
  const id = createUniqueId();
  let control: HTMLSelectElement | undefined;
  const error = createFieldError(props, () => control);
  return (
    <div class="field" classList={{ 'field-invalid': !!error.message() }}>
      <label class="field-label" for={id}>
        {props.label}
        <Show when={!props.required}>
          <span class="field-optional">{t('form.optional')}</span>
        </Show>
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
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </div>
  );
}
