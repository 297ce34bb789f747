import type { RouteDefinition } from '@solidjs/router';
import type { MessageKey } from '../i18n/index.ts';
import type { IconComponent } from '../ui/icons.tsx';
import { agenda } from './agenda/index.ts';
import { meetings } from './meetings/index.ts';
import { more } from './more/index.ts';
import { ledger, rosters } from './placeholder/index.tsx';

/**
 * A module of the app. Adding one = writing client/features/<id>/index.ts and listing it here;
 * the shell builds the bottom tabs and the routes under /c/:compoundId from this list.
 */
export interface Feature {
  id: string;
  /** Its bottom tab; `path` is relative to /c/:compoundId. */
  tab?: { label: MessageKey; icon: IconComponent; path: string };
  /** Routes under /c/:compoundId. */
  routes: RouteDefinition[];
  /** Further path prefixes (under /c/:compoundId) that belong to this tab. */
  owns?: string[];
}

/** In tab order. */
export const features: Feature[] = [agenda, rosters, ledger, meetings, more];
