import { createResource, createSignal, For, Match, Switch } from 'solid-js';
import { formatDateTime } from '../../../shared/time.ts';
import type { InviteSummary } from '../../domain/api.ts';
import { online } from '../../domain/network.ts';
import { useSession } from '../../domain/session.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { memberKind } from '../../i18n/memberKind.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { listInvites, revokeInvite } from './actions.ts';

/**
 * The invites an admin can still revoke, fetched again whenever `version` changes (an invite
 * made, a member removed); `nameOf` turns a maker's member id into their name.
 */
export function InviteList(props: { version: number; nameOf: (memberId: string) => string | undefined }) {
  const session = useSession();
  const [bump, setBump] = createSignal(0);
  const [invites] = createResource(
    () => [props.version, bump()] as const,
    () => listInvites(session),
  );
  const [revoking, setRevoking] = createSignal<InviteSummary>();
  // `latest` throws once the resource has failed, so read it only while it holds a list.
  const list = () => (invites.state === 'ready' || invites.state === 'refreshing' ? invites.latest : undefined);
  const failure = (err: unknown) => (online() ? errorMessage(err) : t('invites.needOnline'));

  const revoke = createSubmit(
    async (invite: InviteSummary) => {
      await revokeInvite(session, invite.code);
      setBump((n) => n + 1);
    },
    { failed: failure },
  );

  return (
    <section class="section" aria-labelledby="invites-heading">
      <h2 id="invites-heading">{t('invites.title')}</h2>
      <p class="muted">{t('invites.hint')}</p>
      <FormError error={revoke.error() ?? (invites.state === 'errored' ? failure(invites.error) : undefined)} />
      <Switch>
        <Match when={invites.state === 'pending'}>
          <p class="muted">{t('invites.loading')}</p>
        </Match>
        <Match when={list()?.length === 0}>
          <p class="empty">{t('invites.empty')}</p>
        </Match>
        <Match when={list()?.length}>
          <ul class="rows" data-testid="invite-list">
            <For each={list()}>
              {(i) => (
                <li class="row invite-row" data-testid="invite-item">
                  <span class="row-title">{memberKind(i)}</span>
                  <button type="button" class="btn btn-small btn-secondary" onClick={() => setRevoking(i)}>
                    {t('invites.revoke')}
                  </button>
                  <span class="row-sub">{t('invites.usesLeft', { left: i.maxUses - i.uses, max: i.maxUses })}</span>
                  <span class="row-sub">
                    {t('invites.expires', { time: formatDateTime(i.expiresAt, intlLocale()) })}
                  </span>
                  <span class="row-sub">
                    {t('invites.by', { name: props.nameOf(i.createdBy) ?? t('invites.someone') })}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
      <ConfirmDialog
        open={revoking() !== undefined}
        onOpenChange={(open) => !open && setRevoking()}
        title={t('invites.revokeTitle')}
        confirmLabel={t('invites.revokeYes')}
        danger
        onConfirm={() => {
          const i = revoking();
          if (i) revoke.run(i);
        }}
      >
        <p>{t('invites.revokeConfirm', { what: revoking() ? memberKind(revoking()!) : '' })}</p>
      </ConfirmDialog>
    </section>
  );
}
