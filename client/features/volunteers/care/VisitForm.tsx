import { createSignal, createUniqueId, Show } from 'solid-js';
import { MAX_VISIT_DAYS_BACK } from '../../../../shared/events/care.ts';
import { addDays } from '../../../../shared/time.ts';
import { logVisit, useVisitToday } from '../../../domain/useCare.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { monthDayOf } from './careText.ts';

/**
 * Logs a visit: the day it was made (today, or up to a month back when written down later), a short
 * note, and a concern to follow up when the visitor ticks one.
 */
export function VisitForm(props: { householdId: string }) {
  const { session } = usePage();
  const today = useVisitToday();
  // Undefined until the visitor picks a day: the visit is today's, whenever the form is sent.
  const [picked, setPicked] = createSignal<string>();
  const day = () => picked() ?? today();
  const [note, setNote] = createSignal('');
  const [worried, setWorried] = createSignal(false);
  const [concern, setConcern] = createSignal('');
  // The visit's day and the day it was written down, once saved.
  const [done, setDone] = createSignal<{ day: string; written: string }>();
  const checkId = createUniqueId();
  const earliest = () => addDays(today(), -MAX_VISIT_DAYS_BACK);
  const edited = () => setDone(undefined);

  const form = createSubmit(() => {
    const d = day();
    if (!d) return { field: 'day', message: t('form.fillRequired', { field: t('care.visitDay') }) };
    const written = today();
    if (d > written) return { field: 'day', message: t('care.visitDayFuture') };
    if (d < addDays(written, -MAX_VISIT_DAYS_BACK))
      return { field: 'day', message: t('care.visitDayTooOld', { n: MAX_VISIT_DAYS_BACK }) };
    if (!note().trim()) return { field: 'note', message: t('form.fillRequired', { field: t('care.visitNote') }) };
    if (worried() && !concern().trim())
      return { field: 'concern', message: t('form.fillRequired', { field: t('care.concern') }) };
    logVisit(session, props.householdId, note(), worried() ? concern() : undefined, d);
    setPicked(undefined);
    setNote('');
    setConcern('');
    setWorried(false);
    setDone({ day: d, written });
  });

  return (
    <section class="section" aria-labelledby="visit-heading">
      <h2 id="visit-heading">{t('care.logVisit')}</h2>
      <Form submit={form} testId="visit-form">
        <DateField
          label={t('care.visitDay')}
          value={day()}
          onInput={(v) => {
            edited();
            setPicked(v);
          }}
          min={earliest()}
          max={today()}
          name="day"
          quick={[
            { label: t('care.today'), day: today() },
            { label: t('care.yesterday'), day: addDays(today(), -1) },
            { label: t('care.dayBefore'), day: addDays(today(), -2) },
          ]}
        />
        <p class="field-hint">{t('care.visitDayHint', { n: MAX_VISIT_DAYS_BACK })}</p>
        <TextField
          label={t('care.visitNote')}
          value={note()}
          onInput={(v) => {
            edited();
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
          {(saved) => (
            <p class="attendance-done" role="status" data-testid="visit-logged">
              {saved().day === saved().written
                ? t('care.visitLogged')
                : t('care.visitLoggedLate', { day: monthDayOf(saved().day), written: monthDayOf(saved().written) })}
            </p>
          )}
        </Show>
        <button type="submit" class="btn btn-primary btn-block" data-testid="log-visit">
          {t('care.saveVisit')}
        </button>
      </Form>
    </section>
  );
}
