import { createEffect, createSignal, Match, on, onCleanup, Switch } from 'solid-js';
import { useSession } from '../domain/session.ts';
import { t } from '../i18n/index.ts';
import { online } from '../sync/network.ts';
import { IconImage } from '../ui/icons.tsx';
import { getBlob, putBlob } from './blobStore.ts';
import { fetchImage } from './imageApi.ts';

/** Object URLs of photos shown in this visit, newest last; the oldest are let go past a few dozen. */
const urls = new Map<string, string>();
const MAX_URLS = 60;
const RETRY_MS = [3_000, 6_000, 12_000, 24_000, 48_000];

function remember(hash: string, blob: Blob): string {
  const url = URL.createObjectURL(blob);
  urls.set(hash, url);
  while (urls.size > MAX_URLS) {
    const [oldest, old] = urls.entries().next().value as [string, string];
    urls.delete(oldest);
    URL.revokeObjectURL(old);
  }
  return url;
}

type Status = 'loading' | 'ready' | 'missing' | 'failed';

/**
 * A photo by its hash: this phone's copy if it has one, else fetched from the relay (Bearer) and
 * kept. A photo that is not there (yet) shows a placeholder in words and is retried; the page never breaks.
 */
export function StoredImage(props: { hash: string; alt: string; class?: string }) {
  const session = useSession();
  const [url, setUrl] = createSignal<string>();
  const [status, setStatus] = createSignal<Status>('loading');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let alive = true;
  onCleanup(() => {
    alive = false;
    clearTimeout(timer);
  });

  const load = async (hash: string) => {
    clearTimeout(timer);
    const cached = urls.get(hash);
    if (cached) {
      setUrl(cached);
      return setStatus('ready');
    }
    const local = await getBlob(hash).catch(() => undefined);
    if (!alive || hash !== props.hash) return;
    if (local) {
      setUrl(remember(hash, local));
      return setStatus('ready');
    }
    if (!navigator.onLine) return setStatus('failed');
    const got = await fetchImage(session.compoundId, hash, session.account.token);
    if (!alive || hash !== props.hash) return;
    if (got.kind === 'ok') {
      await putBlob(hash, got.blob).catch(() => undefined);
      setUrl(remember(hash, got.blob));
      return setStatus('ready');
    }
    setStatus(got.kind);
    // The phone that took it may not have sent it yet: look again a few times.
    const wait = RETRY_MS[attempt++];
    if (wait !== undefined) timer = setTimeout(() => void load(hash), wait);
  };

  createEffect(
    on(
      () => props.hash,
      (hash) => {
        attempt = 0;
        setStatus('loading');
        void load(hash);
      },
    ),
  );
  // Back online: try again at once.
  createEffect(
    on(online, (isOnline) => {
      if (isOnline && status() !== 'ready' && status() !== 'loading') {
        attempt = 0;
        void load(props.hash);
      }
    }),
  );

  return (
    <Switch>
      <Match when={status() === 'ready' && url()}>
        {(src) => (
          <img
            class={props.class ?? 'photo'}
            src={src()}
            alt={props.alt}
            data-photo={props.hash}
            data-state="ready"
            decoding="async"
            onError={() => setStatus('failed')}
          />
        )}
      </Match>
      <Match when={true}>
        <span class={`${props.class ?? 'photo'} photo-placeholder`} data-photo={props.hash} data-state={status()}>
          <IconImage size={32} />
          <span>
            {status() === 'loading'
              ? t('photo.loading')
              : status() === 'missing'
                ? t('photo.missing')
                : t('photo.failed')}
          </span>
        </span>
      </Match>
    </Switch>
  );
}
