import { lazy } from 'solid-js';
import { IconRosters } from '../../ui/icons.tsx';
import { lazyPart } from '../../ui/lazyPart.ts';
import type { Feature } from '../registry.ts';

export const volunteers: Feature = {
  id: 'rosters',
  tab: {
    label: 'nav.rosters',
    icon: IconRosters,
    path: 'rosters',
    badge: lazyPart(() => import('./care/CareTurns.tsx').then((m) => m.CareTabBadge)),
  },
  routes: [
    { path: '/rosters', component: lazy(() => import('./VolunteersPage.tsx')) },
    { path: '/rosters/month', component: lazy(() => import('./MonthPage.tsx')) },
    { path: '/rosters/teams/new', component: lazy(() => import('./NewTeamPage.tsx')) },
    { path: '/rosters/duties/new', component: lazy(() => import('./NewDutyPage.tsx')) },
    { path: '/rosters/duty/:dutyId', component: lazy(() => import('./DutyPage.tsx')) },
    { path: '/rosters/duty/:dutyId/print', component: lazy(() => import('./DutyPosterPage.tsx')) },
    { path: '/rosters/member/:memberId', component: lazy(() => import('./MemberPage.tsx')) },
    { path: '/rosters/grid', component: lazy(() => import('./grid/MyGridPage.tsx')) },
    { path: '/rosters/grid/:building', component: lazy(() => import('./grid/BuildingPage.tsx')) },
    { path: '/rosters/grid/:building/name', component: lazy(() => import('./grid/NameLeadPage.tsx')) },
    // Committee only: each page shows residents a plain "not for your role" and opens nothing.
    { path: '/rosters/care', component: lazy(() => import('./care/CarePage.tsx')) },
    { path: '/rosters/care/new', component: lazy(() => import('./care/NewHouseholdPage.tsx')) },
    { path: '/rosters/care/:householdId', component: lazy(() => import('./care/HouseholdPage.tsx')) },
  ],
};
