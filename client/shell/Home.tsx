import { Navigate, useParams } from '@solidjs/router';
import { isPartner } from '../../shared/roles.ts';
import { readPrefs } from '../domain/preferences.ts';
import { compoundPath } from '../domain/usePage.ts';
import { accountFor, accounts } from '../sync/accounts.ts';

/** A page of the compound last used (or the only one), else the welcome page. */
export function lastCompoundPath(...parts: string[]): string {
  const last = readPrefs().lastCompoundId;
  const account = (last && accountFor(last)) || accounts[0];
  return account ? compoundPath(account.compoundId, ...parts) : '/welcome';
}

/** `/` and `/c/:id`: open the compound last used (or the only one), else the welcome page. */
export function Home() {
  const params = useParams<{ compoundId?: string }>();
  const target = () => {
    const last = readPrefs().lastCompoundId;
    const account = params.compoundId ? accountFor(params.compoundId) : (last && accountFor(last)) || accounts[0];
    const compoundId = params.compoundId ?? account?.compoundId;
    // A partner unit's app opens straight onto the needs board, the one page it can use.
    const first = account && isPartner(account) ? 'needs' : 'agenda';
    return compoundId ? compoundPath(compoundId, first) : '/welcome';
  };
  return <Navigate href={target()} />;
}

/** The home-screen shortcut's /agenda/snap: 随手拍 in the compound last used. */
export function SnapShortcut() {
  return <Navigate href={lastCompoundPath('agenda', 'snap')} />;
}
