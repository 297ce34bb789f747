import { type Accessor, createSignal } from 'solid-js';
import { errorMessage } from '../i18n/errors.ts';
import { t } from '../i18n/index.ts';

/** A sentence about one field of the form, named as the field's `name`: it is shown under that field. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What an action says back: a sentence about the whole form (a refusal, no connection), a sentence
 * about one field, or nothing when it went through.
 */
export type Outcome = string | FieldError | undefined;

/** What the fields of a form need from it: their sentence, a way to drop it, a way to be found. */
export interface FormFields {
  /** The sentence about the field named `name`, until that field is edited. */
  fieldError: (name: string) => string | undefined;
  /** The person changed the field named `name`: a sentence about it goes. */
  edited: (name: string) => void;
  /**
   * A field on screen takes the sentences about `name`, and `focus` is called when one comes (the
   * first such field, if two share a name). Returns the release, for when the field goes.
   */
  claim: (name: string, focus: () => void) => () => void;
}

export type Submit<A extends unknown[]> = FormFields & {
  /** Runs the action (not again while it is still busy); what it returns or throws becomes the error. */
  run: (...args: A) => void;
  /** True while an asynchronous action is under way. */
  busy: Accessor<boolean>;
  /**
   * The sentence to show above the submit button: one about the whole form, or when a field was
   * wrong, a short pointer to it (the field shows the sentence itself). A sentence about a field
   * that is not on screen is shown here in full.
   */
  error: Accessor<string | undefined>;
} & (A extends []
    ? {
        /** For a form's onSubmit: no page reload, then `run()`. */
        onSubmit: (e: Event) => void;
      }
    : Record<never, never>);

/**
 * The one way a form or a button writes: clear the last error, run the action, then show the
 * sentence it returned or the words for what it threw (`failed`; by default the error in words). A
 * sentence about a field goes to that field, which is scrolled to and focused.
 */
export function createSubmit<A extends unknown[] = []>(
  action: (...args: A) => Outcome | Promise<Outcome>,
  options: { failed?: (err: unknown) => string } = {},
): Submit<A> {
  const [busy, setBusy] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome>();
  // The fields on screen by name; the count makes `error()` follow fields that come and go.
  const claims = new Map<string, (() => void)[]>();
  const [claimed, setClaimed] = createSignal(0);
  const isClaimed = (name: string) => {
    claimed();
    return (claims.get(name)?.length ?? 0) > 0;
  };

  const failed = (err: unknown) => setOutcome((options.failed ?? errorMessage)(err));
  const settle = (why: Outcome) => {
    if (!why) return;
    setOutcome(why);
    if (typeof why !== 'string') claims.get(why.field)?.[0]?.();
  };
  const run = (...args: A) => {
    // A second tap while the first is still being written (a slow API call) is the same tap.
    if (busy()) return;
    setOutcome(undefined);
    let result: Outcome | Promise<Outcome>;
    try {
      result = action(...args);
    } catch (err) {
      failed(err);
      return;
    }
    // A synchronous action settles at once, so a sheet closes or a page moves on in the same tick.
    if (!(result instanceof Promise)) return settle(result);
    setBusy(true);
    result.then(settle, failed).finally(() => setBusy(false));
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    run(...([] as unknown[] as A));
  };

  const error = () => {
    const why = outcome();
    if (typeof why !== 'object') return why;
    return isClaimed(why.field) ? t('form.checkField') : why.message;
  };
  const fieldError = (name: string) => {
    const why = outcome();
    return typeof why === 'object' && why.field === name ? why.message : undefined;
  };
  const edited = (name: string) => {
    const why = outcome();
    if (typeof why === 'object' && why.field === name) setOutcome(undefined);
  };
  const claim = (name: string, focus: () => void) => {
    claims.set(name, [...(claims.get(name) ?? []), focus]);
    setClaimed((n) => n + 1);
    return () => {
      const left = (claims.get(name) ?? []).filter((f) => f !== focus);
      claims.set(name, left);
      // The field went (a choice hid it): a sentence about it no longer applies, and shown above the
      // button in full it would point at nothing.
      const why = outcome();
      if (left.length === 0 && typeof why === 'object' && why.field === name) setOutcome(undefined);
      setClaimed((n) => n + 1);
    };
  };
  return { run, onSubmit, busy, error, fieldError, edited, claim } as Submit<A>;
}
