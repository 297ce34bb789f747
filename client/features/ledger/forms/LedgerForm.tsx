import type { JSX } from 'solid-js';
import { t } from '../../../i18n/index.ts';
import { createSubmit, type Outcome } from '../../../ui/createSubmit.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { ModalClose } from '../../../ui/Modal.tsx';

/**
 * A form inside a ledger sheet: `submit` returns a sentence to show, or nothing once the events
 * are written (then `done` closes the sheet). A thrown RuleError is shown in words.
 */
export function LedgerForm(props: {
  submitLabel: string;
  submit: () => Outcome;
  done: () => void;
  children: JSX.Element;
  testId?: string;
}) {
  const form = createSubmit(() => {
    const why = props.submit();
    if (!why) props.done();
    return why;
  });
  return (
    <form class="form" onSubmit={form.onSubmit} novalidate data-testid={props.testId}>
      {props.children}
      <FormError error={form.error()} />
      <div class="dialog-actions">
        <button type="submit" class="btn btn-primary" data-testid="ledger-submit">
          {props.submitLabel}
        </button>
        <ModalClose label={t('form.cancel')} />
      </div>
    </form>
  );
}
