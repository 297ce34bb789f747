import { Navigate, useParams } from '@solidjs/router';
import { accountFor, accounts, readPrefs } from '../sync/accounts.ts';
import { compoundPath } from '../usePage.ts';

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
