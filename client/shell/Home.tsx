import { Navigate, useParams } from '@solidjs/router';
import { readPrefs } from '../domain/preferences.ts';
import { compoundPath } from '../domain/usePage.ts';
import { accountFor, accounts } from '../sync/accounts.ts';

/** `/` and `/c/:id`: open the compound last used (or the only one), else the welcome page. */
export function Home() {
  const params = useParams<{ compoundId?: string }>();
  const target = () => {
    if (params.compoundId) return compoundPath(params.compoundId, 'agenda');
    const last = readPrefs().lastCompoundId;
    const account = (last && accountFor(last)) || accounts[0];
    return account ? compoundPath(account.compoundId, 'agenda') : '/welcome';
  };
  return <Navigate href={target()} />;
}
