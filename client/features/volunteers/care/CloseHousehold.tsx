import { createSignal, Show } from 'solid-js';
import { closeHousehold } from '../../../domain/useCare.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { TextField } from '../../../ui/TextField.tsx';

/**
 * Ends the visits to a household, with the reason (moved to a child's home, passed away...). The
 * form, once open, stays when the household is closed meanwhile on another phone, to say so.
 */
export function CloseHousehold(props: { householdId: string; closed: boolean }) {
  const { session } = usePage();
  const [opened, setOpened] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const form = createSubmit(() => {
    if (!reason().trim()) return { field: 'reason', message: t('form.fillRequired', { field: t('care.closeReason') }) };
    // Closed meanwhile on a phone that synced: the relay would refuse a second closing.
    if (props.closed) return t('care.closedMeanwhile');
    closeHousehold(session, props.householdId, reason());
    setOpened(false);
  });
  return (
    <Show when={opened() || !props.closed}>
      <section class="section" aria-labelledby="close-heading">
        <h2 id="close-heading">{t('care.close')}</h2>
        <Show
          when={opened()}
          fallback={
            <button type="button" class="btn btn-secondary btn-block" onClick={() => setOpened(true)}>
              {t('care.close')}
            </button>
          }
        >
          <Form submit={form} testId="close-form">
            <TextField
              label={t('care.closeReason')}
              value={reason()}
              onInput={setReason}
              placeholder={t('care.closeReasonPlaceholder')}
              required
              maxLength={500}
              name="reason"
            />
            <FormError error={form.error()} />
            <button type="submit" class="btn btn-danger btn-block" data-testid="close-household">
              {t('care.confirmClose')}
            </button>
          </Form>
        </Show>
      </section>
    </Show>
  );
}
