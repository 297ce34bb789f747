import { createSignal, createUniqueId, Show } from 'solid-js';
import { logVisit } from '../../../domain/useCare.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { TextField } from '../../../ui/TextField.tsx';

/** Logs a visit: a short note, and a concern to follow up when the visitor ticks one. */
export function VisitForm(props: { householdId: string }) {
  const { session } = usePage();
  const [note, setNote] = createSignal('');
  const [worried, setWorried] = createSignal(false);
  const [concern, setConcern] = createSignal('');
  const [done, setDone] = createSignal(false);
  const checkId = createUniqueId();

  const form = createSubmit(() => {
    if (!note().trim()) return { field: 'note', message: t('form.fillRequired', { field: t('care.visitNote') }) };
    if (worried() && !concern().trim())
      return { field: 'concern', message: t('form.fillRequired', { field: t('care.concern') }) };
    logVisit(session, props.householdId, note(), worried() ? concern() : undefined);
    setNote('');
    setConcern('');
    setWorried(false);
    setDone(true);
  });

  return (
    <section class="section" aria-labelledby="visit-heading">
      <h2 id="visit-heading">{t('care.logVisit')}</h2>
      <Form submit={form} testId="visit-form">
        <TextField
          label={t('care.visitNote')}
          value={note()}
          onInput={(v) => {
            setDone(false);
            setNote(v);
          }}
          placeholder={t('care.visitNotePlaceholder')}
          required
          multiline
          maxLength={1000}
          name="note"
        />
        <label class="check-row" for={checkId}>
          <input
            id={checkId}
            type="checkbox"
            class="check-input"
            checked={worried()}
            data-testid="concern-flag"
            onChange={(e) => setWorried(e.currentTarget.checked)}
          />
          <span>{t('care.concernFlag')}</span>
        </label>
        <Show when={worried()}>
          <TextField
            label={t('care.concern')}
            value={concern()}
            onInput={setConcern}
            placeholder={t('care.concernPlaceholder')}
            required
            multiline
            maxLength={1000}
            name="concern"
          />
        </Show>
        <FormError error={form.error()} />
        <Show when={done()}>
          <p class="attendance-done" role="status" data-testid="visit-logged">
            {t('care.visitLogged')}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" data-testid="log-visit">
          {t('care.saveVisit')}
        </button>
      </Form>
    </section>
  );
}
