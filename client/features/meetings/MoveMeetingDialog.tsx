import { createSignal } from 'solid-js';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Modal, ModalClose } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { moveMeeting } from './actions.ts';
import { shanghaiTime } from './selectors.ts';

/** The committee moves a meeting to another day, time or place; everyone's list follows. */
export function MoveMeetingDialog(props: { meeting: MeetingState; open: boolean; onOpenChange: (o: boolean) => void }) {
  const { session } = usePage();
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  const [day, setDay] = createSignal(shanghaiDay(props.meeting.startsAt));
  const [time, setTime] = createSignal(clock.format(props.meeting.startsAt));
  const [place, setPlace] = createSignal(props.meeting.place);
  const form = createSubmit(() => {
    const startsAt = shanghaiTime(day(), time());
    if (startsAt === undefined) return t('meetings.needDate');
    if (!place().trim()) return { field: 'place', message: t('form.fillRequired', { field: t('meetings.place') }) };
    // Cancelled meanwhile on a phone that synced: the relay would refuse the move.
    if (props.meeting.status === 'cancelled') return t('meetings.cancelledMeanwhile');
    moveMeeting(session, props.meeting, { startsAt, place: place() });
    props.onOpenChange(false);
  });
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={t('meetings.moveTitle')} testId="move-dialog">
      <Form submit={form}>
        <DateField label={t('meetings.date')} value={day()} onInput={setDay} name="day" />
        <div class="field">
          <label class="field-label" for="move-time">
            {t('meetings.time')}
          </label>
          <input
            id="move-time"
            class="input"
            type="time"
            name="time"
            value={time()}
            onInput={(e) => setTime(e.currentTarget.value)}
          />
        </div>
        <TextField
          label={t('meetings.place')}
          value={place()}
          onInput={setPlace}
          required
          maxLength={100}
          name="place"
        />
        <FormError error={form.error()} />
        <div class="dialog-actions">
          <button type="submit" class="btn btn-primary" data-testid="move-submit">
            {t('meetings.moveSubmit')}
          </button>
          <ModalClose label={t('form.cancel')} />
        </div>
      </Form>
    </Modal>
  );
}
