import { usePreloadRoute } from '@solidjs/router';
import { onMount } from 'solid-js';
import { compoundPath } from './usePage.ts';

/**
 * Starts loading a compound's first screen (its layout, Yjs, the folds and the agenda) while a
 * newcomer types their name on the join or create page, so the tap that enters does not wait for
 * it. Not on the welcome page: its own first paint comes first.
 */
export function usePreloadCompound(): void {
  const preload = usePreloadRoute();
  onMount(() => preload(compoundPath('-', 'agenda')));
}
