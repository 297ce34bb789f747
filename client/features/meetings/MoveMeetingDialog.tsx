import { createSignal } from 'solid-js';
import * as v from 'valibot';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import type { UrlDialogProps } from '../../domain/urlSheet.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField, TimeField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Modal, ModalClose } from '../../ui/Modal.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { moveMeeting } from './actions.ts';
import { shanghaiTime } from './selectors.ts';

/** What a half-done move keeps across a reload (a switch to WeChat may kill the tab). */
const MoveDraft = v.partial(v.object({ day: draftText(20), time: draftText(10), place: draftText(100) }));

/** The committee moves a meeting to another day, time or place; everyone's list follows. */
export function MoveMeetingDialog(props: UrlDialogProps & { meeting: MeetingState }) {
  return (
    <Modal
      open={props.open}
      filled={props.restored}
      onOpenChange={props.onOpenChange}
      title={t('meetings.moveTitle')}
      testId="move-dialog"
    >
      {/* Made as the dialog opens, so its draft is the visit's. */}
      <MoveMeetingForm meeting={props.meeting} visit={props.visit} done={() => props.onOpenChange(false)} />
    </Modal>
  );
}

function MoveMeetingForm(props: { meeting: MeetingState; visit: string; done: () => void }) {
  const { session } = usePage();
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  const opening = {
    day: shanghaiDay(props.meeting.startsAt),
    time: clock.format(props.meeting.startsAt),
    place: props.meeting.place,
  };
  const draft = useFormDraft('draft-move-meeting', session.compoundId, MoveDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [day, setDay] = createSignal(kept.day);
  const [time, setTime] = createSignal(kept.time);
  const [place, setPlace] = createSignal(kept.place);
  draft.keep(() => changedFields(opening, { day: day(), time: time(), place: place() }));
  const form = createSubmit(() => {
    const startsAt = shanghaiTime(day(), time());
    if (startsAt === undefined) return t('meetings.needDate');
    if (!place().trim()) return { field: 'place', message: t('form.fillRequired', { field: t('meetings.place') }) };
    // Cancelled meanwhile on a phone that synced: the relay would refuse the move.
    if (props.meeting.status === 'cancelled') return t('meetings.cancelledMeanwhile');
    moveMeeting(session, props.meeting, { startsAt, place: place() });
    draft.clear();
    props.done();
  });
  return (
    <Form submit={form}>
      <DateField label={t('meetings.date')} value={day()} onInput={setDay} name="day" />
      <TimeField label={t('meetings.time')} value={time()} onInput={setTime} name="time" />
      <TextField label={t('meetings.place')} value={place()} onInput={setPlace} required maxLength={100} name="place" />
      <FormError error={form.error()} />
      <div class="dialog-actions">
        <button type="submit" class="btn btn-primary" data-testid="move-submit">
          {t('meetings.moveSubmit')}
        </button>
        <ModalClose label={t('form.cancel')} />
      </div>
    </Form>
  );
}
