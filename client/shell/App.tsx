import { type RouteDefinition, Router, type RouteSectionProps } from '@solidjs/router';
import { createEffect, lazy, Show } from 'solid-js';
import { features } from '../features/registry.ts';
import { applyLocale, locale, t } from '../i18n/index.ts';
import { UpdatePrompt } from '../ui/UpdatePrompt.tsx';
import { Home, SnapShortcut } from './Home.tsx';
import { serviceWorkerAllowed } from './serviceWorkerGate.ts';

const routes: RouteDefinition[] = [
  { path: '/', component: Home },
  { path: '/welcome', component: lazy(() => import('../features/onboarding/WelcomePage.tsx')) },
  { path: '/agenda/snap', component: SnapShortcut },
  { path: '/create', component: lazy(() => import('../features/onboarding/CreateCompoundPage.tsx')) },
  { path: '/join/:code?', component: lazy(() => import('../features/onboarding/JoinPage.tsx')) },
  {
    path: '/verify/minutes/:compoundId/:meetingId',
    component: lazy(() => import('../features/verify/VerifyRedirect.tsx')),
  },
  {
    path: '/verify/ledger/:compoundId/:periodId',
    component: lazy(() => import('../features/verify/VerifyRedirect.tsx')),
  },
  {
    path: '/c/:compoundId',
    // The compound's session brings Yjs, IndexedDB and the folds: not for the welcome and join pages.
    component: lazy(() => import('./CompoundLayout.tsx').then((m) => ({ default: m.CompoundLayout }))),
    children: [{ path: '/', component: Home }, ...features.flatMap((f) => f.routes)],
  },
  { path: '*404', component: lazy(() => import('./NotFound.tsx')) },
];

function Shell(props: RouteSectionProps) {
  createEffect(() => {
    locale();
    applyLocale();
  });
  return (
    <>
      <a href="#main" class="skip-link">
        {t('app.skipToContent')}
      </a>
      <Show when={serviceWorkerAllowed()}>
        <UpdatePrompt />
      </Show>
      {props.children}
    </>
  );
}

export function App() {
  return <Router root={Shell}>{routes}</Router>;
}
