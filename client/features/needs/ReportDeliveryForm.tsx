import { createSignal } from 'solid-js';
import { useSession } from '../../domain/session.ts';
import { type ListingState, reportDelivery } from '../../domain/useNeeds.ts';
import { t } from '../../i18n/index.ts';
import { PhotoPicker } from '../../media/PhotoPicker.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** The claiming unit says what it did, with at least one photo, for the committee to accept. */
export function ReportDeliveryForm(props: { listing: ListingState }) {
  const session = useSession();
  const [note, setNote] = createSignal('');
  const [photos, setPhotos] = createSignal<string[]>([]);
  const [busy, setBusy] = createSignal(false);
  const form = createSubmit(() => {
    if (!note().trim()) return { field: 'note', message: t('form.fillRequired', { field: t('needs.reportNote') }) };
    if (busy()) return t('agenda.waitPhotos');
    if (photos().length === 0) return { field: 'photos', message: t('needs.needPhoto') };
    reportDelivery(session, props.listing, note(), photos());
    return undefined;
  });
  return (
    <Form submit={form} testId="report-form">
      <h3>{t('needs.reportTitle')}</h3>
      <TextField
        label={t('needs.reportNote')}
        value={note()}
        onInput={setNote}
        required
        multiline
        maxLength={2000}
        name="note"
      />
      <PhotoPicker value={photos()} onChange={setPhotos} onBusy={setBusy} label={t('needs.reportPhotos')} required />
      <FormError error={form.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="report-submit">
        {t('needs.reportSubmit')}
      </button>
    </Form>
  );
}
