import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { MAX_SLOTS } from '../../../shared/events/roster.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { usePage } from '../../domain/usePage.ts';
import { useRosters } from '../../domain/useRosters.ts';
import { t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { DateField, TimeField } from '../../ui/DateField.tsx';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createDuties } from './actions.ts';

/** How many weeks a repeating duty may be written for at once (half a year). */
const MAX_WEEKS = 26;

/** The committee sets a duty: team, day, time, place, places; once, or weekly for N weeks. */
export default function NewDutyPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const rosters = useRosters();
  const teams = createMemo(() => Object.values(rosters().teams).sort((a, b) => a.createdAt - b.createdAt));
  const [teamId, setTeamId] = createSignal<string>();
  const [title, setTitle] = createSignal('');
  const [day, setDay] = createSignal(shanghaiDay(now() + 86_400_000));
  const [start, setStart] = createSignal('08:00');
  const [end, setEnd] = createSignal('10:00');
  const [place, setPlace] = createSignal('');
  const [slots, setSlots] = createSignal('3');
  const [repeat, setRepeat] = createSignal<'once' | 'weekly'>('once');
  const [weeks, setWeeks] = createSignal('4');

  const form = createSubmit(() => {
    const team = teamId();
    if (!team) return { field: 'team', message: t('volunteers.chooseTeam') };
    if (!place().trim()) return { field: 'place', message: t('form.fillRequired', { field: t('volunteers.place') }) };
    const n = Number(slots());
    if (!Number.isInteger(n) || n < 1 || n > MAX_SLOTS) return { field: 'slots', message: t('volunteers.slotsRange') };
    const w = repeat() === 'once' ? 1 : Number(weeks());
    if (repeat() === 'weekly' && (!Number.isInteger(w) || w < 2 || w > MAX_WEEKS))
      return { field: 'weeks', message: t('volunteers.weeksRange', { max: MAX_WEEKS }) };
    const id = createDuties(session, {
      teamId: team,
      title: title(),
      day: day(),
      start: start(),
      end: end(),
      place: place(),
      slots: n,
      weeks: w,
    });
    leaveSent(() => navigate(path('rosters', 'duty', id)));
  });

  return (
    <>
      <PageHeader title={t('volunteers.newDuty')} back={path('rosters')} />
      <LeaveGuard dirty={teamId() !== undefined || title().trim() !== '' || place().trim() !== ''} />
      <Show
        when={teams().length > 0}
        fallback={
          <>
            <p class="empty">{t('volunteers.noTeams')}</p>
            <A href={path('rosters', 'teams', 'new')} class="btn btn-primary btn-block more-button">
              {t('volunteers.newTeam')}
            </A>
          </>
        }
      >
        <Form submit={form} testId="duty-form">
          <ChoiceGroup
            label={t('volunteers.team')}
            name="team"
            layout="rows"
            options={teams().map((team) => ({ value: team.id, label: team.name }))}
            value={teamId()}
            onChange={setTeamId}
            testId="duty-team"
          />
          <TextField
            label={t('volunteers.dutyTitle')}
            value={title()}
            onInput={setTitle}
            placeholder={t('volunteers.dutyTitlePlaceholder')}
            maxLength={100}
            name="title"
          />
          <DateField label={t('volunteers.day')} value={day()} onInput={setDay} name="day" />
          <div class="time-pair">
            <TimeField label={t('volunteers.start')} value={start()} onInput={setStart} name="start" />
            <TimeField label={t('volunteers.end')} value={end()} onInput={setEnd} name="end" />
          </div>
          <TextField
            label={t('volunteers.place')}
            value={place()}
            onInput={setPlace}
            placeholder={t('volunteers.placePlaceholder')}
            required
            maxLength={100}
            name="place"
          />
          <TextField
            label={t('volunteers.slots')}
            value={slots()}
            onInput={setSlots}
            required
            inputMode="numeric"
            maxLength={3}
            name="slots"
          />
          <ChoiceGroup
            label={t('volunteers.repeat')}
            name="repeat"
            options={[
              { value: 'once', label: t('volunteers.once') },
              { value: 'weekly', label: t('volunteers.weekly') },
            ]}
            value={repeat()}
            onChange={setRepeat}
            testId="duty-repeat"
          />
          <Show when={repeat() === 'weekly'}>
            <TextField
              label={t('volunteers.weeks')}
              hint={t('volunteers.weeksHint')}
              value={weeks()}
              onInput={setWeeks}
              required
              inputMode="numeric"
              maxLength={2}
              name="weeks"
            />
          </Show>
          <FormError error={form.error()} />
          <button type="submit" class="btn btn-primary btn-block">
            {t('volunteers.createDuty')}
          </button>
        </Form>
      </Show>
    </>
  );
}
