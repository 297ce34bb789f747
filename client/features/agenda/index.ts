import { lazy } from 'solid-js';
import { IconAgenda } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';
import AgendaPage from './AgendaPage.tsx';
import './agenda.css';
import './snap/snap.css';

export const agenda: Feature = {
  id: 'agenda',
  tab: { label: 'nav.agenda', icon: IconAgenda, path: 'agenda' },
  routes: [
    { path: '/agenda', component: AgendaPage },
    // The form and the item page (with Kobalte's dialogs) load on first use; the precache has them offline.
    { path: '/agenda/new', component: lazy(() => import('./RaiseRequestPage.tsx')) },
    { path: '/agenda/snap', component: lazy(() => import('./snap/SnapPage.tsx')) },
    { path: '/agenda/snap/stats', component: lazy(() => import('./snap/SnapStatsPage.tsx')) },
    { path: '/agenda/:requestId', component: lazy(() => import('./RequestPage.tsx')) },
  ],
};
