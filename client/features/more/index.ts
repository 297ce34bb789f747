import { lazy } from 'solid-js';
import { IconMore } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';

export const more: Feature = {
  id: 'more',
  forPartners: true,
  tab: { label: 'nav.more', icon: IconMore, path: 'more' },
  owns: ['members', 'settings', 'compounds', 'points'],
  routes: [{ path: '/more', component: lazy(() => import('./MorePage.tsx')) }],
};
