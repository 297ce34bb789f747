import { createSignal, type JSX, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { createSubmit, type Outcome } from './createSubmit.ts';
import { Form } from './Form.tsx';
import { FormError } from './FormError.tsx';
import { ModalClose } from './Modal.tsx';
import { announceSaved } from './savedNotice.ts';

/** What `submit` returns to have the sheet's `confirm` question asked before anything is written. */
export const ASK_FIRST = 'ask-first';

/** A question asked once the form reads right, before it writes: what is about to be recorded. */
export interface SheetConfirm {
  title: string;
  confirmLabel: string;
  body: () => JSX.Element;
}

/**
 * The form inside an action sheet: `submit` returns an error sentence to show (or one about a field,
 * shown under the field with that name), or nothing when the event was written (then `done` closes
 * the sheet). A thrown RuleError is shown in words. With `confirm`, `submit` may return ASK_FIRST
 * while `confirmed` is false: the question is asked, and its yes runs `submit(true)`.
 */
export function SheetForm(props: {
  submitLabel: string;
  submit: (confirmed: boolean) => Outcome | typeof ASK_FIRST;
  done: () => void;
  children: JSX.Element;
  testId?: string;
  /** The submit button's test id (`sheet-submit` unless given). */
  submitTestId?: string;
  confirm?: SheetConfirm;
}) {
  const [asking, setAsking] = createSignal(false);
  let confirmed = false;
  const form = createSubmit(() => {
    const why = props.submit(confirmed);
    if (why === ASK_FIRST) {
      setAsking(true);
      return undefined;
    }
    if (!why) {
      props.done();
      announceSaved();
    }
    return why;
  });
  return (
    <Form submit={form} testId={props.testId}>
      {props.children}
      <FormError error={form.error()} />
      <div class="dialog-actions">
        <button type="submit" class="btn btn-primary" data-testid={props.submitTestId ?? 'sheet-submit'}>
          {props.submitLabel}
        </button>
        <ModalClose label={t('form.cancel')} />
      </div>
      <Show when={props.confirm}>
        {(c) => (
          <ConfirmDialog
            open={asking()}
            onOpenChange={setAsking}
            title={c().title}
            confirmLabel={c().confirmLabel}
            onConfirm={() => {
              // Checked again as it is written: the ledger may have changed while the question was open.
              confirmed = true;
              try {
                form.run();
              } finally {
                confirmed = false;
              }
            }}
          >
            {c().body()}
          </ConfirmDialog>
        )}
      </Show>
    </Form>
  );
}
