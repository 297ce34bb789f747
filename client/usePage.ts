import { compoundPath } from './compoundPath.ts';
import { useSession } from './session.ts';
import type { CompoundSession } from './sync/CompoundSession.ts';

/** What a page under /c/:compoundId starts from: the session, and paths inside its compound. */
export function usePage(): { session: CompoundSession; path: (...parts: string[]) => string } {
  const session = useSession();
  return { session, path: (...parts) => compoundPath(session.compoundId, ...parts) };
}
