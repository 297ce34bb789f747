import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  type Account,
  accounts,
  backgroundSession,
  backgroundUnsent,
  docsWithUnsent,
  removeAccount,
} from '../../domain/accounts.ts';
import { createResetsWhileOpen, createUnsentList } from '../../domain/unsentList.ts';
import { compoundPath, usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { IconCheck, IconChevron, IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { RemoveCompoundDialog } from '../../ui/RemoveCompoundDialog.tsx';
import { UnsentSheet } from '../../ui/UnsentSheet.tsx';

/** Every compound on this phone: one tap switches; each keeps its own data and token. */
export default function CompoundsPage() {
  const { session, path } = usePage();
  const navigate = useNavigate();
  const [removing, setRemoving] = createSignal<Account>();
  // A compound left with unsent changes: what its background session still has to send.
  const [unsentOf, setUnsentOf] = createSignal<string>();
  const unsentSession = () => {
    const compoundId = unsentOf();
    return compoundId ? backgroundSession(compoundId) : undefined;
  };
  const unsentLines = createUnsentList(unsentSession);
  const unsentResets = createResetsWhileOpen(unsentSession);
  const remove = async (a: Account) => {
    await removeAccount(a.compoundId);
    if (a.compoundId === session.compoundId) navigate('/', { replace: true });
  };
  return (
    <>
      <PageHeader title={t('compounds.title')} back={path('more')} />
      <ul class="rows" data-testid="compound-list">
        <For each={accounts}>
          {(a) => {
            const current = () => a.compoundId === session.compoundId;
            return (
              <li class="row" data-testid="compound-item">
                <div class="row-main">
                  <A
                    href={compoundPath(a.compoundId, 'agenda')}
                    class="row-main row-link"
                    aria-current={current() ? 'true' : undefined}
                    aria-label={current() ? undefined : t('compounds.switchTo', { name: a.compoundName })}
                  >
                    <span class="row-title">
                      <Show when={current()}>
                        <IconCheck size={22} />
                      </Show>
                      {a.compoundName}
                    </span>
                    <span class="row-sub">
                      {a.name} · {t(`role.${a.role}` as MessageKey)}
                      <Show when={a.party !== 'none'}> · {t(`party.${a.party}` as MessageKey)}</Show>
                      <Show when={current()}> · {t('compounds.current')}</Show>
                      <Show when={a.lost}> · {t('compounds.lost')}</Show>
                    </span>
                  </A>
                  <Show when={!current() && backgroundUnsent(a.compoundId) > 0}>
                    <button
                      type="button"
                      class="unsent unsent-note"
                      aria-haspopup="dialog"
                      aria-label={t('compounds.sendingInBackgroundOpen', { n: backgroundUnsent(a.compoundId) })}
                      data-testid="compound-unsent"
                      onClick={() => setUnsentOf(a.compoundId)}
                    >
                      <span class="unsent-pill">
                        {t('compounds.sendingInBackground', { n: backgroundUnsent(a.compoundId) })}
                        <IconChevron size={18} />
                      </span>
                    </button>
                  </Show>
                </div>
                <button type="button" class="btn btn-small btn-secondary" onClick={() => setRemoving(a)}>
                  {t('compounds.remove')}
                </button>
              </li>
            );
          }}
        </For>
      </ul>
      <section class="section stack">
        <h2>{t('compounds.add')}</h2>
        <A href="/join" class="btn btn-secondary btn-block">
          {t('welcome.join')}
        </A>
        <A href="/create" class="btn btn-secondary btn-block">
          <IconPlus size={24} />
          <span>{t('welcome.create')}</span>
        </A>
      </section>
      <UnsentSheet
        open={unsentOf() !== undefined}
        onOpenChange={(open) => !open && setUnsentOf()}
        lines={unsentLines()}
        sent={(() => {
          const id = unsentOf();
          return id !== undefined && backgroundSession(id)?.allSent() === true;
        })()}
        resets={unsentResets()}
      />
      <RemoveCompoundDialog
        open={removing() !== undefined}
        onOpenChange={(open) => !open && setRemoving()}
        name={removing()?.compoundName ?? ''}
        unsent={removing() ? docsWithUnsent(removing()?.compoundId ?? '').length : 0}
        admin={removing()?.role === 'admin'}
        onConfirm={() => {
          const a = removing();
          if (a) void remove(a);
        }}
      />
    </>
  );
}
