import { createContext, useContext } from 'solid-js';
import type { CompoundSession } from '../sync/CompoundSession.ts';

export type { CompoundSession };

export const SessionContext = createContext<CompoundSession>();

/** The open compound's session; only under /c/:compoundId. */
export function useSession(): CompoundSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a compound');
  return session;
}
