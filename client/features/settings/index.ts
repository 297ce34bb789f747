import { lazy } from 'solid-js';
import type { Feature } from '../registry.ts';

/** Language, text size, storage and updates on this device; reached from the More tab. */
export const settings: Feature = {
  id: 'settings',
  forPartners: true,
  routes: [{ path: '/settings', component: lazy(() => import('./SettingsPage.tsx')) }],
};
