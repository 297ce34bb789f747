import type { CompoundSession } from './session.ts';
import { useSession } from './session.ts';

/** A path inside one compound: `compoundPath(id, 'agenda', requestId)` is `/c/<id>/agenda/<requestId>`. */
export function compoundPath(compoundId: string, ...parts: string[]): string {
  return [`/c/${encodeURIComponent(compoundId)}`, ...parts].join('/');
}

/** What a page under /c/:compoundId starts from: the session, and paths inside its compound. */
export function usePage(): { session: CompoundSession; path: (...parts: string[]) => string } {
  const session = useSession();
  return { session, path: (...parts) => compoundPath(session.compoundId, ...parts) };
}
