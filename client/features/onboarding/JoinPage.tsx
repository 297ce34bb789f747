import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { accounts } from '../../domain/accounts.ts';
import { online } from '../../domain/network.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { t } from '../../i18n/index.ts';
import { TextField } from '../../ui/TextField.tsx';
import { joinCompound } from './actions.ts';
import { OnboardingFrame } from './OnboardingFrame.tsx';

/** `/join/<code>` from an invite link or QR code, or `/join` to paste one. */
export default function JoinPage() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const [code, setCode] = createSignal(params.code ?? '');
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(undefined);
    if (!code().trim()) return setError(t('form.fillRequired', { field: t('join.code') }));
    if (!name().trim()) return setError(t('form.fillRequired', { field: t('join.name') }));
    setBusy(true);
    try {
      const id = await joinCompound(code(), name());
      navigate(`/c/${encodeURIComponent(id)}/agenda`, { replace: true });
    } catch (err) {
      setError(online() ? errorMessage(err) : t('join.needOnline'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <OnboardingFrame title={t('join.title')} back={accounts.length > 0 ? '/' : '/welcome'}>
      <form class="form" onSubmit={submit} novalidate data-testid="join-form">
        <Show
          when={params.code}
          fallback={
            <TextField
              label={t('join.code')}
              hint={t('join.codeHint')}
              value={code()}
              onInput={setCode}
              required
              name="code"
              inputMode="url"
            />
          }
        >
          <p class="lead">{t('join.invited')}</p>
        </Show>
        <TextField
          label={t('join.name')}
          value={name()}
          onInput={setName}
          placeholder={t('join.namePlaceholder')}
          required
          maxLength={60}
          name="member-name"
          autocomplete="name"
        />
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy()}>
          {busy() ? t('join.submitting') : t('join.submit')}
        </button>
      </form>
    </OnboardingFrame>
  );
}
