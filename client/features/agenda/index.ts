import { lazy } from 'solid-js';
import { IconAgenda } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';

export const agenda: Feature = {
  id: 'agenda',
  tab: { label: 'nav.agenda', icon: IconAgenda, path: 'agenda' },
  routes: [
    // Every page loads on first use (the router starts a page's code with its layout's, not after
    // it); the precache has them offline.
    { path: '/agenda', component: lazy(() => import('./AgendaPage.tsx')) },
    { path: '/agenda/new', component: lazy(() => import('./RaiseRequestPage.tsx')) },
    { path: '/agenda/snap', component: lazy(() => import('./snap/SnapPage.tsx')) },
    { path: '/agenda/snap/stats', component: lazy(() => import('./snap/SnapStatsPage.tsx')) },
    { path: '/agenda/:requestId', component: lazy(() => import('./RequestPage.tsx')) },
  ],
};
