import { createSignal, For, Show } from 'solid-js';
import { isCommittee } from '../../../shared/roles.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';
import { online } from '../../sync/network.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { revokeMember } from './actions.ts';
import { InviteDialog } from './InviteDialog.tsx';
import { InviteList } from './InviteList.tsx';
import { createMembers, type MemberView } from './projection.ts';
import './members.css';

export default function MembersPage() {
  const session = useSession();
  const members = createMembers(session.doc('members'));
  const [inviting, setInviting] = createSignal(false);
  const [revoking, setRevoking] = createSignal<MemberView>();
  const [error, setError] = createSignal<string>();
  // Bumped after an invite is made or a member removed (their invites die with them): the list reloads.
  const [invitesVersion, setInvitesVersion] = createSignal(0);
  const reloadInvites = () => setInvitesVersion((n) => n + 1);
  const me = () => session.account.memberId;
  const isAdmin = () => session.account.role === 'admin';
  const describe = (m: MemberView) =>
    m.party === 'none'
      ? t(`role.${m.role}` as MessageKey)
      : `${t(`role.${m.role}` as MessageKey)} · ${t(`party.${m.party}` as MessageKey)}`;

  const revoke = async (m: MemberView) => {
    setError(undefined);
    try {
      await revokeMember(session, m.memberId);
      reloadInvites();
    } catch (err) {
      setError(online() ? errorMessage(err) : t('members.revokeNeedOnline'));
    }
  };

  return (
    <>
      <PageHeader title={t('members.title')} back={`/c/${encodeURIComponent(session.compoundId)}/more`} />
      <Show when={isCommittee(session.account)}>
        <section class="section">
          <p>{t('members.inviteHint')}</p>
          <button
            type="button"
            class="btn btn-primary btn-block"
            onClick={() => setInviting(true)}
            data-testid="open-invite"
          >
            <IconPlus size={28} />
            <span>{t('members.invite')}</span>
          </button>
          <InviteDialog
            open={inviting()}
            onOpenChange={(open) => {
              setInviting(open);
              if (!open) reloadInvites();
            }}
          />
        </section>
      </Show>
      <section class="section" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('members.list')}</h2>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={members().active.length > 0} fallback={<p class="empty">{t('members.empty')}</p>}>
          <p class="muted">{t('members.count', { n: members().active.length })}</p>
          <ul class="rows" data-testid="member-list">
            <For each={members().active}>
              {(m) => (
                <li class="row" data-testid="member-item">
                  <div class="row-main">
                    <span class="row-title">
                      {m.name}
                      <Show when={m.memberId === me()}>{t('members.me')}</Show>
                    </span>
                    <span class="row-sub">{describe(m)}</span>
                  </div>
                  <Show when={isAdmin() && m.memberId !== me()}>
                    <button type="button" class="btn btn-small btn-secondary" onClick={() => setRevoking(m)}>
                      {t('members.revoke')}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={members().revoked.length > 0}>
          <h3>{t('members.revoked')}</h3>
          <ul class="rows">
            <For each={members().revoked}>
              {(m) => (
                <li class="row row-muted">
                  <div class="row-main">
                    <span class="row-title">{m.name}</span>
                    <span class="row-sub">{describe(m)}</span>
                  </div>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <Show when={isAdmin()}>
        <InviteList version={invitesVersion()} nameOf={(id) => members().byId.get(id)?.name} />
      </Show>
      <ConfirmDialog
        open={revoking() !== undefined}
        onOpenChange={(open) => !open && setRevoking()}
        title={t('members.revokeTitle')}
        confirmLabel={t('members.revokeYes')}
        danger
        onConfirm={() => {
          const m = revoking();
          if (m) void revoke(m);
        }}
      >
        <p>{t('members.revokeConfirm', { name: revoking()?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
