import { A, type RouteSectionProps, useParams } from '@solidjs/router';
import { createEffect, createMemo, Match, onCleanup, Switch, untrack } from 'solid-js';
import { isPartner } from '../../shared/roles.ts';
import { writePrefs } from '../domain/preferences.ts';
import { SessionContext } from '../domain/session.ts';
import { compoundPath } from '../domain/usePage.ts';
import { t } from '../i18n/index.ts';
import { accountFor } from '../sync/accounts.ts';
import { openSession, sendLeftBehind } from '../sync/sessionKeeper.ts';
import { IconSwitch } from '../ui/icons.tsx';
import { BottomNav } from './BottomNav.tsx';
import { NotOnDevice } from './NotOnDevice.tsx';
import { PartnerGate } from './PartnerGate.tsx';
import { ProblemBanner } from './ProblemBanner.tsx';
import { RejoinScreen } from './RejoinScreen.tsx';
import { SavedToast } from './SavedToast.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { allowServiceWorker } from './serviceWorkerGate.ts';

/** Everything under /c/:compoundId: the compound's session, its top bar, the page, the tabs. */
export function CompoundLayout(props: RouteSectionProps) {
  const params = useParams<{ compoundId: string }>();
  const account = () => accountFor(params.compoundId);
  // A new session only when the compound, its member or its standing changes (not on a role
  // refresh, nor on a renewed token: the session reads the token at each connect).
  const sessionKey = createMemo(() => {
    const a = account();
    return a && !a.lost ? `${a.compoundId}\n${a.memberId}` : undefined;
  });
  const session = createMemo(() => {
    if (!sessionKey()) return undefined;
    // Built untracked: reading the account or a document inside must not make this memo re-run.
    // Left with unsent changes (a switch to another compound), it syncs on in the background.
    const opened = untrack(() => openSession(account()!));
    onCleanup(() => opened.release());
    return opened.session;
  });
  createEffect(() => {
    if (!sessionKey()) return;
    writePrefs({ lastCompoundId: params.compoundId });
    untrack(() => sendLeftBehind(params.compoundId));
  });
  createEffect(() => {
    const state = session()?.summary().state;
    if (state === 'synced' || state === 'offline') allowServiceWorker();
  });

  return (
    <Switch>
      <Match when={!account()}>
        <NotOnDevice />
      </Match>
      <Match when={account()?.lost && account()}>{(a) => <RejoinScreen account={a()} />}</Match>
      <Match when={session()} keyed>
        {(s) => (
          <SessionContext.Provider value={s}>
            <div class="app-frame">
              <header class="top-bar">
                <A
                  href={compoundPath(s.compoundId, 'compounds')}
                  class="compound-switch"
                  aria-label={`${account()?.compoundName ?? ''} — ${t('more.compounds')}`}
                >
                  <IconSwitch size={22} />
                  <span class="compound-name">{account()?.compoundName}</span>
                </A>
                <SyncStatus summary={s.summary()} session={s} />
              </header>
              <ProblemBanner session={s} />
              <main id="main" class="page">
                {/* Read once: each read of a route's children makes the page anew (the router's outlet),
                    and a second, unattached copy would still run its effects and open its dialogs. */}
                <PartnerGate session={s}>{props.children}</PartnerGate>
              </main>
              <SavedToast summary={s.summary()} />
              <BottomNav compoundId={s.compoundId} partner={isPartner(s.member)} />
            </div>
          </SessionContext.Provider>
        )}
      </Match>
    </Switch>
  );
}
