import { type Accessor, createSignal } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';

const MAX_AMENDMENT = 2000;

/** "更正 / amend": after the lock, a correction is appended beside the minutes, never written into them. */
export function AmendmentForm(props: {
  draft: Accessor<string>;
  setDraft: (text: string) => void;
  onAmend: (note: string) => void;
}) {
  const [done, setDone] = createSignal(false);
  const amend = createSubmit(() => {
    const note = props.draft().trim();
    if (!note) return { field: 'amendment', message: t('form.fillRequired', { field: t('minutes.amendText') }) };
    if (note.length > MAX_AMENDMENT)
      return { field: 'amendment', message: t('minutes.amendTooLong', { n: MAX_AMENDMENT }) };
    props.onAmend(note);
    props.setDraft('');
    setDone(true);
  });
  return (
    <Form submit={amend} class="form minutes-form" id="minutes-amend" testId="amend-form">
      <h3>{t('minutes.amendHeading')}</h3>
      <p class="field-hint">{t('minutes.amendHint')}</p>
      <TextField
        label={t('minutes.amendText')}
        required
        value={props.draft()}
        onInput={(v) => {
          setDone(false);
          props.setDraft(v);
        }}
        multiline
        maxLength={MAX_AMENDMENT}
        name="amendment"
      />
      <FormError error={amend.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="amend">
        {t('minutes.amend')}
      </button>
      <p class="minutes-status" role="status">
        {done() ? t('minutes.amended') : ''}
      </p>
    </Form>
  );
}
