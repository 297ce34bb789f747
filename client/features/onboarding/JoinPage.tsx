import { A, useNavigate, useParams } from '@solidjs/router';
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
import { joinCompound, looksLikeInvite } from './actions.ts';
import { createInvitePreview } from './createInvitePreview.ts';
import { InvitePreviewCard } from './InvitePreviewCard.tsx';
import { OnboardingFrame } from './OnboardingFrame.tsx';

// A typed or pasted code is looked up once it stops changing, not at every keystroke.
const TYPED_CODE_DELAY_MS = 600;

/** `/join/<code>` from an invite link or QR code, or `/join` to paste one. */
export default function JoinPage() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  usePreloadCompound();
  const [typed, setTyped] = createSignal('');
  // The same page stays mounted from `/join/<code>` to `/join`: the link's code wins while there is one.
  const code = () => params.code ?? typed();
  const [name, setName] = createSignal('');
  const preview = createInvitePreview(
    code,
    () => (params.code ? 0 : TYPED_CODE_DELAY_MS),
    () => params.code !== undefined || looksLikeInvite(typed()),
  );
  const shown = () => {
    const p = preview();
    return p.kind === 'shown' ? p.preview : undefined;
  };

  const form = createSubmit(
    async () => {
      if (!code().trim()) return { field: 'code', message: t('form.fillRequired', { field: t('join.code') }) };
      if (!name().trim()) return { field: 'member-name', message: t('form.fillRequired', { field: t('join.name') }) };
      const id = await joinCompound(code(), name(), shown()?.compoundName);
      // A partner unit's app opens on the needs board, the one page it can use.
      const partner = accountFor(id)?.role === 'partner';
      navigate(compoundPath(id, partner ? 'needs' : 'agenda'), { replace: true });
    },
    { failed: (err) => (online() ? errorMessage(err) : t('join.needOnline')) },
  );

  return (
    <OnboardingFrame title={t('join.title')} back={accounts.length > 0 ? '/' : '/welcome'}>
      <Form submit={form} testId="join-form">
        <Show when={!params.code}>
          <TextField
            label={t('join.code')}
            hint={t('join.codeHint')}
            value={typed()}
            onInput={setTyped}
            required
            name="code"
            inputMode="url"
          />
        </Show>
        <InvitePreviewCard state={preview()} fromLink={!!params.code} />
        <Show
          // A refused link leaves nothing to fill in; a typed code can still be corrected under the fields.
          when={!params.code || preview().kind !== 'refused'}
          fallback={
            <Show when={params.code}>
              <A href="/join" class="btn btn-secondary btn-block" data-testid="join-new-link">
                {t('join.newLink')}
              </A>
            </Show>
          }
        >
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
        </Show>
      </Form>
    </OnboardingFrame>
  );
}
