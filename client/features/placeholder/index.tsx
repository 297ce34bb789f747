import { IconRosters } from '../../ui/icons.tsx';
import type { Feature } from '../registry.ts';
import { ComingSoon } from './ComingSoon.tsx';
import './placeholder.css';

export const rosters: Feature = {
  id: 'rosters',
  tab: { label: 'nav.rosters', icon: IconRosters, path: 'rosters' },
  routes: [
    { path: '/rosters', component: () => <ComingSoon title="nav.rosters" body="soon.rosters" icon={IconRosters} /> },
  ],
};
