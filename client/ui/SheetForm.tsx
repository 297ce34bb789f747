import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { createSubmit, type Outcome } from './createSubmit.ts';
import { Form } from './Form.tsx';
import { FormError } from './FormError.tsx';
import { ModalClose } from './Modal.tsx';
import { announceSaved } from './savedNotice.ts';

/**
 * The form inside an action sheet: `submit` returns an error sentence to show (or one about a field,
 * shown under the field with that name), or nothing when the event was written (then `done` closes
 * the sheet). A thrown RuleError is shown in words.
 */
export function SheetForm(props: {
  submitLabel: string;
  submit: () => Outcome;
  done: () => void;
  children: JSX.Element;
  testId?: string;
  /** The submit button's test id (`sheet-submit` unless given). */
  submitTestId?: string;
}) {
  const form = createSubmit(() => {
    const why = props.submit();
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
    </Form>
  );
}
