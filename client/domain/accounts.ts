import { removeAccount as removeFromPhone } from '../sync/accounts.ts';
import { forgetSession } from '../sync/sessionKeeper.ts';

// The compounds this device belongs to; features reach them here, never in sync/.
export {
  type Account,
  accountFor,
  accounts,
  saveAccount,
  storageProblem,
  updateAccount,
} from '../sync/accounts.ts';
// Unsent changes of a compound left for another, sent in the background meanwhile, and the session
// sending them (its unsent list).
export { backgroundSession, backgroundUnsent } from '../sync/sessionKeeper.ts';
// Documents of a compound holding changes the relay has not acknowledged (asked before removing it).
export { docsWithUnsent } from '../sync/unsentDocs.ts';

/**
 * Removes a compound from this phone: its background session (if it was left with unsent changes)
 * stops first, so it sends nothing the member chose to drop and holds no database being deleted.
 */
export async function removeAccount(compoundId: string): Promise<void> {
  forgetSession(compoundId);
  await removeFromPhone(compoundId);
}
