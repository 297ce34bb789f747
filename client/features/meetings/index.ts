import { lazy } from 'solid-js';
import { IconMeetings } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';

export const meetings: Feature = {
  id: 'meetings',
  tab: { label: 'nav.meetings', icon: IconMeetings, path: 'meetings' },
  routes: [
    { path: '/meetings', component: lazy(() => import('./MeetingsPage.tsx')) },
    { path: '/meetings/new', component: lazy(() => import('./ScheduleMeetingPage.tsx')) },
    { path: '/meetings/units', component: lazy(() => import('./UnitsPage.tsx')) },
    { path: '/meetings/:meetingId', component: lazy(() => import('./MeetingPage.tsx')) },
    { path: '/meetings/:meetingId/capture', component: lazy(() => import('./MeetingModePage.tsx')) },
  ],
};
