import type { RouteDefinition } from '@solidjs/router';
import type { Component } from 'solid-js';
import type { MessageKey } from '../i18n/index.ts';
import type { IconComponent } from '../ui/icons.tsx';
import { agenda } from './agenda/index.ts';
import { compounds } from './compounds/index.ts';
import { ledger } from './ledger/index.ts';
import { meetings } from './meetings/index.ts';
import { members } from './members/index.ts';
import { minutes } from './minutes/index.ts';
import { more } from './more/index.ts';
import { needs } from './needs/index.ts';
import { points } from './points/index.ts';
import { settings } from './settings/index.ts';
import { verify } from './verify/index.ts';
import { volunteers } from './volunteers/index.ts';

/**
 * A module of the app. Adding one = writing client/features/<id>/index.ts and listing it here;
 * the shell builds the bottom tabs and the routes under /c/:compoundId from this list. This file
 * and every index.ts are in the app's first scripts: pages are lazy(), badges lazyParts, and what
 * other features show of a module lives in its parts.ts, never re-exported here.
 */
export interface Feature {
  id: string;
  /** Its bottom tab; `path` is relative to /c/:compoundId; `badge` shows a count on it (what waits on me). */
  tab?: {
    label: MessageKey;
    icon: IconComponent;
    path: string;
    badge?: Component;
    /** `partner`: the tab shows on a partner unit's phone only (theirs shows no other but More). */
    audience?: 'partner';
  };
  /** A partner unit may open its pages (everything else would ask for documents they cannot read). */
  forPartners?: true;
  /** Routes under /c/:compoundId. */
  routes: RouteDefinition[];
  /** Ids of features without a tab whose pages belong to this tab. */
  owns?: string[];
}

/** Tabbed features in tab order, then the ones a tab owns. */
export const features: Feature[] = [
  needs,
  agenda,
  volunteers,
  ledger,
  meetings,
  more,
  members,
  settings,
  compounds,
  minutes,
  verify,
  points,
];

/** The tabs a member sees: a partner unit the needs board and More; everyone else the rest. */
export function tabsFor(partner: boolean): Feature[] {
  return features.filter((f) => f.tab && (partner ? f.tab.audience === 'partner' || f.id === 'more' : !f.tab.audience));
}

/** True if a partner unit may open this path under /c/:compoundId (its first segment names the page). */
export function partnerMayOpen(rest: string): boolean {
  const first = rest.split('/').filter(Boolean)[0] ?? '';
  return features.some((f) => f.forPartners && f.routes.some((r) => String(r.path).split('/')[1] === first));
}

/** The path prefixes (under /c/:compoundId) that light up a feature's tab: its own and its owned features' routes. */
export function tabPaths(feature: Feature): string[] {
  const owned = features.filter((f) => feature.owns?.includes(f.id)).flatMap((f) => f.routes);
  return [feature.tab?.path ?? '', ...owned.map((r) => String(r.path).split('/')[1] ?? '')].filter(Boolean);
}
