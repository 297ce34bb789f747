import { Dialog } from '@kobalte/core/dialog';
import { createSignal, createUniqueId, For, type JSX, Show } from 'solid-js';
import { errorMessage } from '../../../i18n/errors.ts';
import { t } from '../../../i18n/index.ts';

/** A bottom sheet (Kobalte dialog: focus trap, Escape, returns focus) holding one action's form. */
export function Sheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: JSX.Element;
}) {
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-position">
          <Dialog.Content class="dialog" data-testid="action-sheet">
            <Dialog.Title class="dialog-title">{props.title}</Dialog.Title>
            {props.children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}

/**
 * The form inside a sheet: `submit` returns an error sentence to show, or nothing when the event
 * was written (then `done` closes the sheet). A thrown RuleError is shown in words.
 */
export function SheetForm(props: {
  submitLabel: string;
  submit: () => string | undefined;
  done: () => void;
  children: JSX.Element;
  testId?: string;
}) {
  const [error, setError] = createSignal<string>();
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const why = props.submit();
      if (why) setError(why);
      else props.done();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form class="form" onSubmit={onSubmit} novalidate data-testid={props.testId}>
      {props.children}
      <Show when={error()}>
        <p class="form-error" role="alert">
          {error()}
        </p>
      </Show>
      <div class="dialog-actions">
        <button type="submit" class="btn btn-primary" data-testid="sheet-submit">
          {props.submitLabel}
        </button>
        <Dialog.CloseButton class="btn btn-secondary" aria-label={t('form.cancel')}>
          {t('form.cancel')}
        </Dialog.CloseButton>
      </div>
    </form>
  );
}

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
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <select
        id={id}
        class="input"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <Show when={props.placeholder}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </div>
  );
}
