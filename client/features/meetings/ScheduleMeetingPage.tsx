import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { type MeetingKind, meetingKinds } from '../../../shared/events/meeting.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField, TimeField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { scheduleMeeting } from './actions.ts';
import { shanghaiTime } from './selectors.ts';

export default function ScheduleMeetingPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const [query] = useSearchParams<{ kind?: string }>();
  const asked = meetingKinds.find((k) => k === query.kind);
  const [kind, setKind] = createSignal<MeetingKind>(asked ?? 'little-stool');
  const [day, setDay] = createSignal(shanghaiDay(now()));
  const [time, setTime] = createSignal('19:00');
  const [place, setPlace] = createSignal('');
  const [title, setTitle] = createSignal('');

  const form = createSubmit(() => {
    const startsAt = shanghaiTime(day(), time());
    if (startsAt === undefined) return t('meetings.needDate');
    if (!place().trim()) return { field: 'place', message: t('form.fillRequired', { field: t('meetings.place') }) };
    const id = scheduleMeeting(session, { kind: kind(), startsAt, place: place(), title: title() });
    leaveSent(() => navigate(path('meetings', id)));
  });

  return (
    <>
      <PageHeader title={t('meetings.schedule')} back={path('meetings')} />
      <LeaveGuard dirty={place().trim() !== '' || title().trim() !== ''} />
      <Form submit={form} testId="schedule-form">
        <ChoiceGroup
          label={t('meetings.kind')}
          name="kind"
          layout="rows"
          options={meetingKinds.map((k) => ({ value: k, label: t(`meetingKind.${k}` as MessageKey) }))}
          value={kind()}
          onChange={setKind}
          testId="meeting-kind"
        />
        <DateField label={t('meetings.date')} value={day()} onInput={setDay} name="day" />
        <TimeField label={t('meetings.time')} value={time()} onInput={setTime} name="time" />
        <TextField
          label={t('meetings.place')}
          value={place()}
          onInput={setPlace}
          placeholder={t('meetings.placePlaceholder')}
          required
          maxLength={100}
          name="place"
        />
        <TextField
          label={t('meetings.titleField')}
          value={title()}
          onInput={setTitle}
          placeholder={t('meetings.titlePlaceholder')}
          maxLength={100}
          name="title"
        />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block">
          {t('meetings.submit')}
        </button>
      </Form>
    </>
  );
}
