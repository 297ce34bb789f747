import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** Checking a printed copy of signed minutes against the documents. */
export const verify: Feature = {
  id: 'verify',
  routes: [{ path: '/verify/minutes/:meetingId', component: lazy(() => import('./VerifyPage.tsx')) }],
};
