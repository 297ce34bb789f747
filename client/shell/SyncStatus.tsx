import { createSignal, Match, Show, Switch } from 'solid-js';
import { createResetsWhileOpen, createUnsentList } from '../domain/unsentList.ts';
import { t } from '../i18n/index.ts';
import type { CompoundSession, SyncSummary } from '../sync/CompoundSession.ts';
import { IconAlert, IconCheck, IconConnecting, IconOffline, IconUpload } from '../ui/icons.tsx';
import { UnsentSheet } from '../ui/UnsentSheet.tsx';

/**
 * The truth about this phone's copy, always on screen: words and an icon, never colour alone. The
 * unsent count opens the list of what it counts (a member who approved offline can see it is there).
 */
export function SyncStatus(props: { summary: SyncSummary; session: CompoundSession }) {
  const [open, setOpen] = createSignal(false);
  const shown = () => (open() ? props.session : undefined);
  const lines = createUnsentList(shown);
  const resets = createResetsWhileOpen(shown);
  return (
    <>
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
          <button
            type="button"
            class="unsent"
            aria-haspopup="dialog"
            aria-label={t('sync.unsentOpen', { n: props.summary.unsent })}
            data-testid="unsent-open"
            onClick={() => setOpen(true)}
          >
            <span class="unsent-pill">
              <IconUpload size={22} />
              <span data-testid="unsent-count">{t('sync.unsent', { n: props.summary.unsent })}</span>
            </span>
          </button>
        </Show>
      </div>
      <UnsentSheet
        open={open()}
        onOpenChange={setOpen}
        lines={lines()}
        sent={props.summary.state === 'synced' && props.session.allSent()}
        resets={resets()}
      />
    </>
  );
}
