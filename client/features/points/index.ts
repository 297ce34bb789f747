import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** 积分 and the love supermarket: no tab of its own; its entry is on the More page. */
export const points: Feature = {
  id: 'points',
  routes: [
    { path: '/points', component: lazy(() => import('./PointsPage.tsx')) },
    { path: '/points/shop', component: lazy(() => import('./ShopPage.tsx')) },
    { path: '/points/counter', component: lazy(() => import('./CounterPage.tsx')) },
    { path: '/points/thanks', component: lazy(() => import('./ThanksWallPage.tsx')) },
    { path: '/points/member/:memberId', component: lazy(() => import('./MemberPointsPage.tsx')) },
  ],
};
