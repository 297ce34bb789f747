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

/**
 * The page the app opens on: in `compoundId` (else the compound last used, or the only one), its
 * agenda, or a partner unit's needs board, the one page it can use; with no compound, the welcome page.
 */
export function homePath(compoundId?: string): string {
  const last = readPrefs().lastCompoundId;
  const account = compoundId ? accountFor(compoundId) : (last && accountFor(last)) || accounts[0];
  const id = compoundId ?? account?.compoundId;
  const first = account && isPartner(account) ? 'needs' : 'agenda';
  return id ? compoundPath(id, first) : '/welcome';
}

/** `/` and `/c/:id`: open the compound last used (or the only one), else the welcome page. */
export function Home() {
  const params = useParams<{ compoundId?: string }>();
  return <Navigate href={homePath(params.compoundId)} />;
}

/** The home-screen shortcut's /agenda/snap: 随手拍 in the compound last used. */
export function SnapShortcut() {
  return <Navigate href={lastCompoundPath('agenda', 'snap')} />;
}
