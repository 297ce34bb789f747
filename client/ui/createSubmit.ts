import { type Accessor, createSignal } from 'solid-js';
import { errorMessage } from '../i18n/errors.ts';

/** What an action says back: a sentence to show the user, or nothing when it went through. */
export type Outcome = string | undefined;

export type Submit<A extends unknown[]> = {
  /** Runs the action (not again while it is still busy); what it returns or throws becomes `error()`. */
  run: (...args: A) => void;
  /** True while an asynchronous action is under way. */
  busy: Accessor<boolean>;
  error: Accessor<string | undefined>;
} & (A extends []
  ? {
      /** For a form's onSubmit: no page reload, then `run()`. */
      onSubmit: (e: Event) => void;
    }
  : Record<never, never>);

/**
 * The one way a form or a button writes: clear the last error, run the action, then show the
 * sentence it returned or the words for what it threw (`failed`; by default the error in words).
 */
export function createSubmit<A extends unknown[] = []>(
  action: (...args: A) => Outcome | Promise<Outcome>,
  options: { failed?: (err: unknown) => string } = {},
): Submit<A> {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const failed = (err: unknown) => setError((options.failed ?? errorMessage)(err));
  const settle = (why: Outcome) => {
    if (why) setError(why);
  };
  const run = (...args: A) => {
    // A second tap while the first is still being written (a slow API call) is the same tap.
    if (busy()) return;
    setError(undefined);
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
  return { run, onSubmit, busy, error } as Submit<A>;
}
