import { usePreloadRoute } from '@solidjs/router';
import { onMount } from 'solid-js';
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

/**
 * Starts loading a compound's first screen (its layout, Yjs, the folds and the agenda) while a
 * newcomer types their name on the join or create page, so the tap that enters does not wait for
 * it. Not on the welcome page: its own first paint comes first.
 */
export function usePreloadCompound(): void {
  const preload = usePreloadRoute();
  onMount(() => preload(compoundPath('-', 'agenda')));
}
