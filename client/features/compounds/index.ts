import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** The compounds on this phone, to switch or remove; reached from the top bar and the More tab. */
export const compounds: Feature = {
  id: 'compounds',
  forPartners: true,
  routes: [{ path: '/compounds', component: lazy(() => import('./CompoundsPage.tsx')) }],
};
