import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { accountFor, accounts } from '../../domain/accounts.ts';
import { online } from '../../domain/network.ts';
import { usePreloadCompound } from '../../domain/preloadCompound.ts';
import { compoundPath } from '../../domain/usePage.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { joinCompound } from './actions.ts';
import { OnboardingFrame } from './OnboardingFrame.tsx';

/** `/join/<code>` from an invite link or QR code, or `/join` to paste one. */
export default function JoinPage() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  usePreloadCompound();
  const [code, setCode] = createSignal(params.code ?? '');
  const [name, setName] = createSignal('');

  const form = createSubmit(
    async () => {
      if (!code().trim()) return { field: 'code', message: t('form.fillRequired', { field: t('join.code') }) };
      if (!name().trim()) return { field: 'member-name', message: t('form.fillRequired', { field: t('join.name') }) };
      const id = await joinCompound(code(), name());
      // A partner unit's app opens on the needs board, the one page it can use.
      const partner = accountFor(id)?.role === 'partner';
      navigate(compoundPath(id, partner ? 'needs' : 'agenda'), { replace: true });
    },
    { failed: (err) => (online() ? errorMessage(err) : t('join.needOnline')) },
  );

  return (
    <OnboardingFrame title={t('join.title')} back={accounts.length > 0 ? '/' : '/welcome'}>
      <Form submit={form} testId="join-form">
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
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" disabled={form.busy()}>
          {form.busy() ? t('join.submitting') : t('join.submit')}
        </button>
      </Form>
    </OnboardingFrame>
  );
}
