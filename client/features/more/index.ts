import { lazy } from 'solid-js';
import { IconMore } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';

export const more: Feature = {
  id: 'more',
  tab: { label: 'nav.more', icon: IconMore, path: 'more' },
  owns: ['members', 'settings', 'compounds'],
  routes: [
    { path: '/more', component: lazy(() => import('./MorePage.tsx')) },
    { path: '/members', component: lazy(() => import('../members/MembersPage.tsx')) },
    { path: '/settings', component: lazy(() => import('../settings/SettingsPage.tsx')) },
    { path: '/compounds', component: lazy(() => import('../compounds/CompoundsPage.tsx')) },
  ],
};
