import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { type Party, parties } from '../../../shared/roles.ts';
import { accounts } from '../../domain/accounts.ts';
import { online } from '../../domain/network.ts';
import { usePreloadCompound } from '../../domain/preloadCompound.ts';
import { compoundPath } from '../../domain/usePage.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LeaveGuard } from '../../ui/LeaveGuard.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createCompound } from './actions.ts';
import { OnboardingFrame } from './OnboardingFrame.tsx';

export default function CreateCompoundPage() {
  const navigate = useNavigate();
  usePreloadCompound();
  const [name, setName] = createSignal('');
  const [founderName, setFounderName] = createSignal('');
  const [party, setParty] = createSignal<Party>();

  // Made once: a tap while the compound's pages still load (after the API answered) only goes on.
  let created: string | undefined;
  const form = createSubmit(
    async () => {
      if (created) return void navigate(compoundPath(created, 'agenda'), { replace: true });
      if (!name().trim())
        return { field: 'compound-name', message: t('form.fillRequired', { field: t('create.name') }) };
      if (!founderName().trim())
        return { field: 'founder-name', message: t('form.fillRequired', { field: t('create.founderName') }) };
      const p = party();
      if (!p) return { field: 'party', message: t('form.fillRequired', { field: t('create.party') }) };
      created = await createCompound({ name: name(), founderName: founderName(), party: p });
      navigate(compoundPath(created, 'agenda'), { replace: true });
    },
    { failed: (err) => (online() ? errorMessage(err) : t('create.needOnline')) },
  );

  return (
    <OnboardingFrame title={t('create.title')} back={accounts.length > 0 ? '/' : '/welcome'}>
      {/* Once made, the compound's pages open (or a tap goes on to them): nothing to lose. */}
      <LeaveGuard dirty={!created && (name().trim() !== '' || founderName().trim() !== '')} />
      <Form submit={form} testId="create-form">
        <TextField
          label={t('create.name')}
          value={name()}
          onInput={setName}
          placeholder={t('create.namePlaceholder')}
          required
          maxLength={60}
          name="compound-name"
        />
        <TextField
          label={t('create.founderName')}
          value={founderName()}
          onInput={setFounderName}
          placeholder={t('create.founderNamePlaceholder')}
          required
          maxLength={60}
          name="founder-name"
          autocomplete="name"
        />
        <ChoiceGroup
          label={t('create.party')}
          name="party"
          options={parties.map((p) => ({ value: p, label: t(`party.${p}` as MessageKey) }))}
          value={party()}
          onChange={setParty}
          layout="rows"
          required
        />
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" disabled={form.busy()}>
          {form.busy() ? t('create.submitting') : t('create.submit')}
        </button>
      </Form>
    </OnboardingFrame>
  );
}
