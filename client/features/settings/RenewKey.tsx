import { createSignal, Show } from 'solid-js';
import { online } from '../../domain/network.ts';
import { usePage } from '../../domain/usePage.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';

/** Replaces this member's key: whoever holds the old one (a lost or shared phone) is signed out. */
export function RenewKey() {
  const { session } = usePage();
  const [renewed, setRenewed] = createSignal(false);
  const renew = createSubmit(
    async () => {
      setRenewed(false);
      await session.renewToken();
      setRenewed(true);
    },
    { failed: (err) => (online() ? errorMessage(err) : t('settings.renewNeedOnline')) },
  );
  return (
    <section class="section" aria-labelledby="renew-heading" data-testid="renew-key-section">
      <h2 id="renew-heading">{t('settings.renewTitle')}</h2>
      <p>{t('settings.renewHint')}</p>
      <button
        type="button"
        class="btn btn-secondary"
        onClick={() => renew.run()}
        disabled={renew.busy()}
        data-testid="renew-key"
      >
        {renew.busy() ? t('settings.renewing') : t('settings.renew')}
      </button>
      <Show when={renewed()}>
        <p role="status">{t('settings.renewed')}</p>
      </Show>
      <FormError error={renew.error()} />
    </section>
  );
}
