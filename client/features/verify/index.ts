import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** Checking a printed copy of signed minutes, or a posted ledger notice, against the documents. */
export const verify: Feature = {
  id: 'verify',
  routes: [
    { path: '/verify/minutes/:meetingId', component: lazy(() => import('./VerifyPage.tsx')) },
    { path: '/verify/ledger/:periodId', component: lazy(() => import('./VerifyLedgerPage.tsx')) },
  ],
};
