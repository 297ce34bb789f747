import { A, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { CloseCode } from '../../shared/errors.ts';
import { removeAccount } from '../domain/accounts.ts';
import { compoundPath } from '../domain/usePage.ts';
import { t } from '../i18n/index.ts';
import { type Account, accounts, updateAccount } from '../sync/accounts.ts';
import { docsWithUnsent } from '../sync/unsentDocs.ts';
import { IconAlert } from '../ui/icons.tsx';
import { RemoveCompoundDialog } from '../ui/RemoveCompoundDialog.tsx';

/** After a 4401 (or a 401 from the API): say what happened and what to do; never reconnect in a loop. */
export function RejoinScreen(props: { account: Account }) {
  const navigate = useNavigate();
  const others = () => accounts.filter((a) => a.compoundId !== props.account.compoundId && !a.lost);
  const [removing, setRemoving] = createSignal(false);
  return (
    <main id="main" class="page page-plain" data-testid="rejoin-screen">
      <div class="notice-icon">
        <IconAlert size={48} />
      </div>
      <h1>{t('rejoin.title')}</h1>
      <Show
        when={props.account.lost?.code === CloseCode.NotFound}
        fallback={<p>{t('rejoin.body', { name: props.account.compoundName })}</p>}
      >
        <p>{t('rejoin.notFound', { name: props.account.compoundName })}</p>
      </Show>
      <p>{t('rejoin.what')}</p>
      <div class="stack">
        <A href="/join" class="btn btn-primary">
          {t('rejoin.join')}
        </A>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => void updateAccount(props.account.compoundId, { lost: undefined })}
        >
          {t('rejoin.retry')}
        </button>
        <Show when={others()[0]}>
          {(other) => (
            <A href={compoundPath(other().compoundId, 'agenda')} class="btn btn-secondary">
              {t('rejoin.switch')}
            </A>
          )}
        </Show>
        <button type="button" class="btn btn-secondary" onClick={() => setRemoving(true)}>
          {t('rejoin.remove')}
        </button>
      </div>
      <RemoveCompoundDialog
        open={removing()}
        onOpenChange={setRemoving}
        name={props.account.compoundName}
        unsent={removing() ? docsWithUnsent(props.account.compoundId).length : 0}
        admin={false}
        onConfirm={async () => {
          await removeAccount(props.account.compoundId);
          navigate('/', { replace: true });
        }}
      />
    </main>
  );
}
