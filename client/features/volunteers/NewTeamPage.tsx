import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LeaveGuard, leaveSent } from '../../ui/LeaveGuard.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createTeam } from './actions.ts';
import { MemberSelect } from './MemberSelect.tsx';

/** The committee names a team, says what it is for and who leads it. */
export default function NewTeamPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const members = useMembers();
  const [name, setName] = createSignal('');
  const [purpose, setPurpose] = createSignal('');
  const [leaderId, setLeaderId] = createSignal('');

  const form = createSubmit(() => {
    if (!name().trim()) return { field: 'name', message: t('form.fillRequired', { field: t('volunteers.teamName') }) };
    createTeam(session, { name: name(), purpose: purpose(), leaderId: leaderId() });
    leaveSent(() => navigate(path('rosters')));
  });

  return (
    <>
      <PageHeader title={t('volunteers.newTeam')} back={path('rosters')} />
      <LeaveGuard dirty={name().trim() !== '' || purpose().trim() !== ''} />
      <Form submit={form} testId="team-form">
        <TextField
          label={t('volunteers.teamName')}
          value={name()}
          onInput={setName}
          placeholder={t('volunteers.teamNamePlaceholder')}
          required
          maxLength={60}
          name="name"
        />
        <TextField
          label={t('volunteers.purpose')}
          value={purpose()}
          onInput={setPurpose}
          placeholder={t('volunteers.purposePlaceholder')}
          multiline
          maxLength={500}
          name="purpose"
        />
        <MemberSelect
          label={t('volunteers.lead')}
          members={members().active}
          value={leaderId()}
          onChange={setLeaderId}
          name="lead"
        />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block">
          {t('volunteers.createTeam')}
        </button>
      </Form>
    </>
  );
}
