import { useLocation } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { compoundPath } from '../domain/usePage.ts';
import { tabPaths, tabsFor } from '../features/registry.ts';
import { t } from '../i18n/index.ts';

/** Five tabs, each an icon with its word; the current one is marked in words for screen readers too. */
export function BottomNav(props: { compoundId: string; partner: boolean }) {
  const location = useLocation();
  const tabs = () => tabsFor(props.partner).flatMap((f) => (f.tab ? [{ feature: f, tab: f.tab }] : []));
  const base = () => compoundPath(props.compoundId);
  const isActive = (paths: string[]) => {
    const rest = location.pathname.slice(base().length);
    return paths.some((p) => rest === `/${p}` || rest.startsWith(`/${p}/`));
  };
  return (
    <nav class="bottom-nav" aria-label={t('nav.main')}>
      <ul>
        <For each={tabs()}>
          {({ feature, tab }) => {
            const active = () => isActive(tabPaths(feature));
            return (
              <li>
                {/* A plain <a>: the router still handles the tap, and aria-current stays ours for sub-pages. */}
                <a
                  href={compoundPath(props.compoundId, tab.path)}
                  class="tab"
                  classList={{ current: active() }}
                  aria-current={active() ? 'page' : undefined}
                  data-tab={feature.id}
                >
                  <Dynamic component={tab.icon} size={28} />
                  <span>{t(tab.label)}</span>
                  <Show when={tab.badge}>{(badge) => <Dynamic component={badge()} />}</Show>
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
