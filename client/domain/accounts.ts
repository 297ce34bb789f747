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
// Unsent changes of a compound left for another, sent in the background meanwhile.
export { backgroundUnsent } from '../sync/sessionKeeper.ts';
// Documents of a compound holding changes the relay has not acknowledged (asked before removing it).
export { docsWithUnsent } from '../sync/unsentDocs.ts';
