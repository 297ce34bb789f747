import { createContext, createUniqueId, type JSX, onCleanup, Show, useContext } from 'solid-js';
import type { FormFields, Submit } from './createSubmit.ts';

const FormFieldsContext = createContext<FormFields>();

/**
 * A form whose fields show the sentences about them: `submit` is its createSubmit. No browser
 * validation bubbles: the action says what is missing, in our words and at the field.
 */
export function Form(props: {
  submit: Submit<[]>;
  class?: string;
  id?: string;
  testId?: string;
  children: JSX.Element;
}) {
  return (
    <FormFieldsContext.Provider value={props.submit}>
      <form
        class={props.class ?? 'form'}
        id={props.id}
        onSubmit={(e) => props.submit.onSubmit(e)}
        novalidate
        data-testid={props.testId}
      >
        {props.children}
      </form>
    </FormFieldsContext.Provider>
  );
}

/**
 * A field's part in its form's errors. The sentence is `error` if given, else what the form says
 * about the field's `name`; `control` is what takes the focus when the form points at the field.
 * The form is the enclosing `Form`'s, or `form` for a field written inline in the component that
 * renders the `Form` (a context reaches only the components below).
 */
export function createFieldError(
  props: { name?: string; error?: string },
  control: () => HTMLElement | undefined,
  form: FormFields | undefined = useContext(FormFieldsContext),
) {
  const id = `${createUniqueId()}-error`;
  const name = props.name;
  if (form && name) onCleanup(form.claim(name, () => focusField(control())));
  const message = () => props.error ?? (form && name ? form.fieldError(name) : undefined);
  return {
    /** The message's id, for the control's aria-describedby. */
    id,
    message,
    /** The control's aria-describedby: the message while there is one (read first), then its own. */
    describedBy: (...own: (string | false | undefined)[]) =>
      [message() && id, ...own].filter(Boolean).join(' ') || undefined,
    /** Call on every edit of the field: its sentence goes. */
    edited: () => {
      if (form && name) form.edited(name);
    },
  };
}

/**
 * Brings a field into the middle of the screen and focuses its control, so a phone's keyboard opens
 * on it. The whole field is scrolled, not just the control: its label and message come along.
 */
export function focusField(control: HTMLElement | undefined): void {
  if (!control) return;
  (control.closest('.field, .choice-group') ?? control).scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}

/**
 * The sentence under a field's label. Not a live region: the focus that comes with it reads it out
 * (aria-describedby), and the form's one alert above the button says that a field needs a look.
 */
export function FieldMessage(props: { id: string; message: string | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <p class="field-error" id={props.id} data-testid="field-error">
          {message()}
        </p>
      )}
    </Show>
  );
}
