import { lazy } from 'solid-js';
import { IconLedger } from '../../ui/icons.tsx';
import { lazyPart } from '../../ui/lazyPart.ts';
import type { Feature } from '../registry.ts';

export const ledger: Feature = {
  id: 'ledger',
  tab: {
    label: 'nav.ledger',
    icon: IconLedger,
    path: 'ledger',
    badge: lazyPart(() => import('./LedgerTurns.tsx').then((m) => m.LedgerTabBadge)),
  },
  routes: [
    { path: '/ledger', component: lazy(() => import('./LedgerPage.tsx')) },
    { path: '/ledger/notice', component: lazy(() => import('./notice/NoticePage.tsx')) },
  ],
};
