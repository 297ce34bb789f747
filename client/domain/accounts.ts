// The compounds this device belongs to; features reach them here, never in sync/.
export {
  type Account,
  accountFor,
  accounts,
  removeAccount,
  saveAccount,
  storageProblem,
  updateAccount,
} from '../sync/accounts.ts';
