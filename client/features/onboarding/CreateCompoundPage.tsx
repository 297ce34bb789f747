import { useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { type Party, parties } from '../../../shared/roles.ts';
import { accounts } from '../../domain/accounts.ts';
import { online } from '../../domain/network.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { createCompound } from './actions.ts';
import { OnboardingFrame } from './OnboardingFrame.tsx';

export default function CreateCompoundPage() {
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [founderName, setFounderName] = createSignal('');
  const [party, setParty] = createSignal<Party>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!name().trim()) return setError(t('form.fillRequired', { field: t('create.name') }));
    if (!founderName().trim()) return setError(t('form.fillRequired', { field: t('create.founderName') }));
    const p = party();
    if (!p) return setError(t('form.fillRequired', { field: t('create.party') }));
    setBusy(true);
    try {
      const id = await createCompound({ name: name(), founderName: founderName(), party: p });
      navigate(`/c/${encodeURIComponent(id)}/agenda`, { replace: true });
    } catch (err) {
      setError(online() ? errorMessage(err) : t('create.needOnline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <OnboardingFrame title={t('create.title')} back={accounts.length > 0 ? '/' : '/welcome'}>
      <form class="form" onSubmit={submit} novalidate data-testid="create-form">
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
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
          {busy() ? t('create.submitting') : t('create.submit')}
        </button>
      </form>
    </OnboardingFrame>
  );
}
