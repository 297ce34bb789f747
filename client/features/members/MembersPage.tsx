import { createSignal, For, Show } from 'solid-js';
import { isCommittee } from '../../../shared/roles.ts';
import { online } from '../../domain/network.ts';
import { type MemberView, useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { revokeMember, setRole } from './actions.ts';
import { InviteDialog } from './InviteDialog.tsx';
import { InviteList } from './InviteList.tsx';
import './members.css';

export default function MembersPage() {
  const { session, path } = usePage();
  const members = useMembers();
  const [inviting, setInviting] = createSignal(false);
  const [revoking, setRevoking] = createSignal<MemberView>();
  // An admin making a committee member an admin, or an admin (themselves too) a committee member again.
  const [changing, setChanging] = createSignal<{ member: MemberView; role: 'admin' | 'committee' }>();
  // Bumped after an invite is made or a member removed (their invites die with them): the list reloads.
  const [invitesVersion, setInvitesVersion] = createSignal(0);
  const reloadInvites = () => setInvitesVersion((n) => n + 1);
  const me = () => session.account.memberId;
  const isAdmin = () => session.account.role === 'admin';
  const describe = (m: MemberView) =>
    m.party === 'none'
      ? t(`role.${m.role}` as MessageKey)
      : `${t(`role.${m.role}` as MessageKey)} · ${t(`party.${m.party}` as MessageKey)}`;

  const admins = () => members().active.filter((m) => m.role === 'admin');
  const soleAdmin = () => isAdmin() && admins().length === 1;
  /** What an admin may do to a row's role: make a committee member an admin, or an admin a committee member (not the last one). */
  const roleAction = (m: MemberView): 'admin' | 'committee' | undefined => {
    if (!isAdmin()) return undefined;
    if (m.role === 'committee') return 'admin';
    if (m.role === 'admin' && admins().length > 1) return 'committee';
    return undefined;
  };
  const changeRole = createSubmit(
    async (c: { member: MemberView; role: 'admin' | 'committee' }) => {
      await setRole(session, c.member.memberId, c.role);
      reloadInvites();
    },
    { failed: (err) => (online() ? errorMessage(err) : t('members.roleNeedOnline')) },
  );

  const revoke = createSubmit(
    async (m: MemberView) => {
      await revokeMember(session, m.memberId);
      reloadInvites();
    },
    { failed: (err) => (online() ? errorMessage(err) : t('members.revokeNeedOnline')) },
  );

  return (
    <>
      <PageHeader title={t('members.title')} back={path('more')} />
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
        <FormError error={revoke.error()} />
        <FormError error={changeRole.error()} />
        <Show when={soleAdmin()}>
          <p class="note" data-testid="sole-admin">
            {t('members.soleAdmin')}
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
                  <Show when={roleAction(m) || (isAdmin() && m.memberId !== me())}>
                    <div class="row-actions">
                      <Show when={roleAction(m)}>
                        {(role) => (
                          <button
                            type="button"
                            class="btn btn-small btn-secondary"
                            data-testid={role() === 'admin' ? 'make-admin' : 'step-back'}
                            onClick={() => setChanging({ member: m, role: role() })}
                          >
                            {role() === 'admin'
                              ? t('members.makeAdmin')
                              : m.memberId === me()
                                ? t('members.stepBack')
                                : t('members.unmakeAdmin')}
                          </button>
                        )}
                      </Show>
                      <Show when={isAdmin() && m.memberId !== me()}>
                        <button type="button" class="btn btn-small btn-secondary" onClick={() => setRevoking(m)}>
                          {t('members.revoke')}
                        </button>
                      </Show>
                    </div>
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
        open={changing() !== undefined}
        onOpenChange={(open) => !open && setChanging()}
        title={roleTitle(changing(), me())}
        confirmLabel={changing()?.role === 'admin' ? t('members.makeAdminYes') : t('members.stepBackYes')}
        onConfirm={() => {
          const c = changing();
          if (c) changeRole.run(c);
        }}
      >
        <p>{roleConfirm(changing(), me())}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={revoking() !== undefined}
        onOpenChange={(open) => !open && setRevoking()}
        title={t('members.revokeTitle')}
        confirmLabel={t('members.revokeYes')}
        danger
        onConfirm={() => {
          const m = revoking();
          if (m) revoke.run(m);
        }}
      >
        <p>{t('members.revokeConfirm', { name: revoking()?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The question before a role changes: whose, and which way. */
function roleTitle(c: { member: MemberView; role: string } | undefined, me: string): string {
  if (!c) return '';
  if (c.role === 'admin') return t('members.makeAdminTitle', { name: c.member.name });
  return c.member.memberId === me ? t('members.stepBackTitle') : t('members.unmakeAdminTitle', { name: c.member.name });
}

/** What the change means, said before it is made. */
function roleConfirm(c: { member: MemberView; role: string } | undefined, me: string): string {
  if (!c) return '';
  if (c.role === 'admin') return t('members.makeAdminConfirm');
  return c.member.memberId === me
    ? t('members.stepBackConfirm')
    : t('members.unmakeAdminConfirm', { name: c.member.name });
}
