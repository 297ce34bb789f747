import { lazy } from 'solid-js';
import { IconBoard } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';

/** The needs board (揭榜领办 / 微心愿): a partner unit's only tab; residents reach it from More. */
export const needs: Feature = {
  id: 'needs',
  forPartners: true,
  tab: { label: 'nav.needs', icon: IconBoard, path: 'needs', audience: 'partner' },
  routes: [
    { path: '/needs', component: lazy(() => import('./NeedsPage.tsx')) },
    { path: '/needs/new', component: lazy(() => import('./PublishNeedPage.tsx')) },
    { path: '/needs/:listingId', component: lazy(() => import('./NeedPage.tsx')) },
  ],
};
