import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** Who belongs, invites and removals; reached from the More tab. */
export const members: Feature = {
  id: 'members',
  routes: [{ path: '/members', component: lazy(() => import('./MembersPage.tsx')) }],
};
