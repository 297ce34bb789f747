import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** Action items waiting on this member or their party, for the agenda's 我的 tab. */
export { MeetingTurns } from './MeetingTurns.tsx';
/** The minutes of a meeting, shown on the meeting page while it is open. */
export { MinutesSection } from './MinutesSection.tsx';

/** The printed copy of a meeting's minutes (its section lives on the meeting page). */
export const minutes: Feature = {
  id: 'minutes',
  routes: [{ path: '/meetings/:meetingId/print', component: lazy(() => import('./MinutesPrintPage.tsx')) }],
};
