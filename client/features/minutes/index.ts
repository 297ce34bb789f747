import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** The printed copy of a meeting's minutes (its section lives on the meeting page). */
export const minutes: Feature = {
  id: 'minutes',
  routes: [{ path: '/meetings/:meetingId/print', component: lazy(() => import('./MinutesPrintPage.tsx')) }],
};
