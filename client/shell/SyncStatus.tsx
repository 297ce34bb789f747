import { Match, Show, Switch } from 'solid-js';
import { t } from '../i18n/index.ts';
import type { SyncSummary } from '../sync/CompoundSession.ts';
import { IconAlert, IconCheck, IconConnecting, IconOffline, IconUpload } from '../ui/icons.tsx';

/** The truth about this phone's copy, always on screen: words and an icon, never colour alone. */
export function SyncStatus(props: { summary: SyncSummary }) {
  return (
    <div
      class="sync-status"
      data-state={props.summary.state}
      data-unsent={props.summary.unsent}
      data-testid="sync-status"
      role="status"
      aria-label={t('sync.label')}
    >
      <Switch>
        <Match when={props.summary.state === 'synced' && props.summary.unsent === 0}>
          <IconCheck size={22} />
          <span>{t('sync.synced')}</span>
        </Match>
        <Match when={props.summary.state === 'offline'}>
          <IconOffline size={22} />
          <span>{t('sync.offline')}</span>
        </Match>
        <Match when={props.summary.state === 'stopped'}>
          <IconAlert size={22} />
          <span>{t('sync.stopped')}</span>
        </Match>
        <Match when={props.summary.state === 'loading'}>
          <IconConnecting size={22} />
          <span>{t('sync.loading')}</span>
        </Match>
        <Match when={props.summary.unsent === 0}>
          <IconConnecting size={22} />
          <span>{t('sync.connecting')}</span>
        </Match>
      </Switch>
      <Show when={props.summary.unsent > 0}>
        <span class="unsent">
          <IconUpload size={22} />
          <span data-testid="unsent-count">{t('sync.unsent', { n: props.summary.unsent })}</span>
        </span>
      </Show>
    </div>
  );
}
