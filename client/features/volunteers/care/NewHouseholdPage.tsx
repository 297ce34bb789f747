import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal } from 'solid-js';
import { type Cadence, type CareReason, careReasons } from '../../../../shared/events/care.ts';
import { isCommittee } from '../../../../shared/roles.ts';
import { shanghaiDay } from '../../../../shared/time.ts';
import { optional } from '../../../domain/appendPublic.ts';
import { now } from '../../../domain/clock.ts';
import { registerHousehold } from '../../../domain/useCare.ts';
import { useMembers } from '../../../domain/useMembers.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { CommitteeOnly } from './CommitteeOnly.tsx';
import { cadenceLabel, offeredCadences, reasonLabel } from './careText.ts';
import { VisitorSelect } from './VisitorSelect.tsx';

/** The committee puts a household on the care list: who, where, why, how often and who visits. */
export default function NewHouseholdPage() {
  return (
    <CommitteeOnly>
      <HouseholdForm />
    </CommitteeOnly>
  );
}

function HouseholdForm() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const members = useMembers();
  const committee = createMemo(() => members().active.filter((m) => isCommittee(m)));
  const [label, setLabel] = createSignal('');
  const [building, setBuilding] = createSignal('');
  const [unit, setUnit] = createSignal('');
  const [reason, setReason] = createSignal<CareReason>();
  const [cadence, setCadence] = createSignal<Cadence>('weekly');
  const [visitorId, setVisitorId] = createSignal(session.member.memberId);
  const [lastVisitedOn, setLastVisitedOn] = createSignal('');
  const [note, setNote] = createSignal('');

  const form = createSubmit(() => {
    if (!label().trim()) return { field: 'label', message: t('form.fillRequired', { field: t('care.label') }) };
    if (!building().trim())
      return { field: 'building', message: t('form.fillRequired', { field: t('care.building') }) };
    const why = reason();
    if (!why) return { field: 'reason', message: t('form.fillRequired', { field: t('care.reason') }) };
    if (lastVisitedOn() && lastVisitedOn() > shanghaiDay(now()))
      return { field: 'lastVisitedOn', message: t('care.lastVisitFuture') };
    const id = registerHousehold(session, {
      label: label().trim(),
      building: building().trim(),
      ...optional('unit', unit()),
      reasonCategory: why,
      cadence: cadence(),
      ...optional('visitorId', visitorId()),
      ...optional('lastVisitedOn', lastVisitedOn()),
      ...optional('note', note()),
    });
    leaveSent(() => navigate(path('rosters', 'care', id)));
  });

  return (
    <>
      <PageHeader title={t('care.register')} back={path('rosters', 'care')} />
      <LeaveGuard
        dirty={[label(), building(), unit(), note()].some((s) => s.trim() !== '') || reason() !== undefined}
      />
      <Form submit={form} testId="household-form">
        <TextField
          label={t('care.label')}
          value={label()}
          onInput={setLabel}
          placeholder={t('care.labelPlaceholder')}
          required
          maxLength={60}
          name="label"
        />
        <TextField
          label={t('care.building')}
          value={building()}
          onInput={setBuilding}
          placeholder={t('care.buildingPlaceholder')}
          required
          maxLength={40}
          name="building"
        />
        <TextField
          label={t('care.unit')}
          value={unit()}
          onInput={setUnit}
          placeholder={t('care.unitPlaceholder')}
          maxLength={20}
          name="unit"
        />
        <ChoiceGroup
          label={t('care.reason')}
          name="reason"
          options={careReasons.map((r) => ({ value: r, label: reasonLabel(r) }))}
          value={reason()}
          onChange={setReason}
          required
          testId="care-reason"
        />
        <ChoiceGroup
          label={t('care.cadence')}
          name="cadence"
          options={offeredCadences.map((c) => ({ value: c, label: cadenceLabel(c) }))}
          value={cadence()}
          onChange={setCadence}
          required
          testId="care-cadence"
        />
        <VisitorSelect members={committee()} value={visitorId()} onChange={setVisitorId} />
        <DateField
          label={t('care.lastVisitedOn')}
          value={lastVisitedOn()}
          onInput={setLastVisitedOn}
          name="lastVisitedOn"
        />
        <p class="field-hint">{t('care.lastVisitedOnHint')}</p>
        <TextField
          label={t('care.note')}
          value={note()}
          onInput={setNote}
          placeholder={t('care.notePlaceholder')}
          multiline
          maxLength={1000}
          name="note"
        />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="save-household">
          {t('care.save')}
        </button>
      </Form>
    </>
  );
}
