import { For, Show } from 'solid-js';
import { formatDateTime } from '../../shared/time.ts';
import { intlLocale, type MessageKey, t } from '../i18n/index.ts';
import { IconAlert, IconCheck } from './icons.tsx';
import { Modal, ModalClose, ModalDescription } from './Modal.tsx';

/** A line of the list, as client/domain's unsentLines gives it. */
export interface UnsentSheetLine {
  what: MessageKey;
  title: string | undefined;
  more: number;
  changes: number;
  at: number | undefined;
}

/** 同意支出「楼道灯更换」, with how many more went with it or how many edits it stands for. */
export function unsentLineText(line: UnsentSheetLine): string {
  let text = t(line.what);
  if (line.title) text += t('unsent.titled', { title: line.title });
  if (line.more > 0) text += t('unsent.more', { n: line.more });
  if (line.changes > 1) text += t('unsent.changes', { n: line.changes });
  return text;
}

/** A document reset after a refusal while the sheet was open, as client/domain gives it. */
export interface UnsentSheetReset {
  doc: string;
  file: string;
}

/**
 * What this phone wrote that the relay does not hold yet, newest first, and that it is kept here
 * until the network is back; once all is sent, it says so. A document reset after a refusal while it
 * is open is named, with the file its unsent writes went to. Opened from the unsent count.
 */
export function UnsentSheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  lines: readonly UnsentSheetLine[];
  /**
   * Whether the relay is known to hold everything: only then does an empty list say 全部已发出. A list
   * emptied by a reset after a refusal, or by a background session that stopped, says nothing so sure.
   */
  sent: boolean;
  resets: readonly UnsentSheetReset[];
}) {
  const count = () => props.lines.reduce((n, line) => n + line.changes, 0);
  const title = () => {
    if (count() > 0) return t('unsent.title', { n: count() });
    if (props.resets.length > 0) return t('unsent.resetTitle');
    return props.sent ? t('unsent.allSentTitle') : t('unsent.noneTitle');
  };
  return (
    <Modal open={props.open} onOpenChange={props.onOpenChange} title={title()} testId="unsent-sheet" settled>
      <For each={props.resets}>
        {(reset) => (
          <p class="with-icon unsent-reset" data-testid="unsent-reset">
            <IconAlert size={24} />
            <span>{t('unsent.reset', { doc: reset.doc, file: reset.file })}</span>
          </p>
        )}
      </For>
      <Show
        when={count() > 0}
        fallback={
          <Show
            when={props.sent && props.resets.length === 0}
            fallback={
              <Show when={props.resets.length === 0}>
                <ModalDescription>{t('unsent.noneListed')}</ModalDescription>
              </Show>
            }
          >
            <ModalDescription>
              <span class="with-icon" data-testid="unsent-all-sent">
                <IconCheck size={24} />
                <span>{t('unsent.allSent')}</span>
              </span>
            </ModalDescription>
          </Show>
        }
      >
        <ul class="rows unsent-lines" data-testid="unsent-lines">
          <For each={props.lines}>
            {(line) => (
              <li class="row" data-testid="unsent-line">
                <span class="row-main">
                  <span class="row-title">{unsentLineText(line)}</span>
                  <Show when={line.at}>
                    {(at) => (
                      <time class="row-sub" datetime={new Date(at()).toISOString()}>
                        {formatDateTime(at(), intlLocale())}
                      </time>
                    )}
                  </Show>
                </span>
              </li>
            )}
          </For>
        </ul>
        <ModalDescription>{t('unsent.kept')}</ModalDescription>
      </Show>
      <div class="dialog-actions">
        <ModalClose label={t('unsent.close')} primary />
      </div>
    </Modal>
  );
}
