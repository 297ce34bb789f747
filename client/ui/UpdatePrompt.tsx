import { useRegisterSW } from 'virtual:pwa-register/solid';
import { onCleanup, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { claimPage } from './claimPage.ts';
import { IconDownload } from './icons.tsx';

let registration: ServiceWorkerRegistration | undefined;

/** Asks the browser for a newer service worker now (settings page); false when none is registered. */
export async function checkForUpdate(): Promise<boolean> {
  if (!registration) return false;
  await registration.update().catch(() => undefined);
  return Boolean(registration.waiting || registration.installing);
}

const FALLBACK_RELOAD_MS = 2_000;
const PROMPT_GAP_PX = 16;

/**
 * Keeps room for the prompt under the page (`--prompt-space`, read by the page's bottom padding
 * and the saved toast): pinned above the tabs, it covered a page form's 登记 button, and the toast
 * covered its own 稍后.
 */
function keepRoomFor(el: HTMLElement): void {
  const root = document.documentElement;
  // Its height and the gap it keeps above the tabs.
  const set = () =>
    root.style.setProperty('--prompt-space', `${Math.ceil(el.getBoundingClientRect().height) + PROMPT_GAP_PX}px`);
  const observer = new ResizeObserver(set);
  observer.observe(el);
  set();
  root.setAttribute('data-update-prompt', '');
  onCleanup(() => {
    observer.disconnect();
    root.style.removeProperty('--prompt-space');
    root.removeAttribute('data-update-prompt');
  });
}

/**
 * "A new version is available": nothing reloads until the member taps. If another tab already
 * switched to the new worker, this one asks too instead of reloading under someone typing.
 */
export function UpdatePrompt() {
  let accepted = false;
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onNeedReload() {
      if (accepted) location.reload();
      else setNeedRefresh(true);
    },
    onRegisteredSW(_url, reg) {
      registration = reg;
      if (reg) claimPage(reg);
      // Look for a new version hourly while the app stays open (phones keep PWAs open for days).
      setInterval(() => navigator.onLine && void reg?.update().catch(() => undefined), 60 * 60_000);
    },
  });

  const accept = () => {
    accepted = true;
    void updateServiceWorker(true);
    // iOS sometimes never fires controllerchange (vite-plugin-pwa #524): reload anyway.
    setTimeout(() => location.reload(), FALLBACK_RELOAD_MS);
  };

  return (
    <Show when={needRefresh()}>
      <section ref={keepRoomFor} class="update-prompt" aria-label={t('update.available')} data-testid="update-prompt">
        <p>{t('update.available')}</p>
        <div class="banner-actions">
          <button type="button" class="btn btn-primary btn-small" onClick={accept}>
            <IconDownload size={24} />
            <span>{t('update.now')}</span>
          </button>
          <button type="button" class="btn btn-secondary btn-small" onClick={() => setNeedRefresh(false)}>
            {t('update.later')}
          </button>
        </div>
      </section>
    </Show>
  );
}
