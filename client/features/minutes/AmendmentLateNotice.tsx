import { For, Show } from 'solid-js';
import type { LateWork } from '../../domain/lateMinutes.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { IconAlert } from '../../ui/icons.tsx';

const labels: Record<string, MessageKey> = {
  'minutes.decision.recorded': 'minutes.lateDecision',
  'minutes.action.created': 'minutes.lateAction',
  'minutes.amended': 'minutes.lateAmendment',
  'minutes.item.taken-up': 'minutes.lateItem',
};

/** The late work as one amendment text, in the member's words. */
export function lateDraftText(late: LateWork): string {
  const lines = late.notes ? [late.notes] : [];
  for (const e of late.events) lines.push(`${t(labels[e.type] ?? 'minutes.lateOther')}${e.text}`);
  return lines.join('\n');
}

/**
 * This phone wrote while offline, and the minutes were signed and locked meanwhile: the relay
 * refused it. Says so, shows what was written, and offers it as a correction.
 */
export function AmendmentLateNotice(props: {
  late: LateWork;
  canAmend: boolean;
  onUse: () => void;
  onForget: () => void;
}) {
  return (
    <div class="banner banner-error minutes-late" role="alert" data-testid="minutes-late">
      <IconAlert size={24} />
      <div>
        <p class="strong">{t('minutes.lateTitle')}</p>
        <p>{props.canAmend ? t('minutes.lateExplain') : t('minutes.lateExplainNoAmend')}</p>
        <blockquote class="minutes-late-text" data-testid="minutes-late-text">
          <Show when={props.late.notes}>
            <p>{props.late.notes}</p>
          </Show>
          <For each={props.late.events}>
            {(e) => (
              <p>
                {t(labels[e.type] ?? 'minutes.lateOther')}
                {e.text}
              </p>
            )}
          </For>
        </blockquote>
        <div class="banner-actions">
          <Show when={props.canAmend}>
            <button type="button" class="btn btn-primary" onClick={() => props.onUse()} data-testid="late-use">
              {t('minutes.lateUse')}
            </button>
          </Show>
          <button type="button" class="btn btn-secondary" onClick={() => props.onForget()} data-testid="late-forget">
            {t('minutes.lateForget')}
          </button>
        </div>
      </div>
    </div>
  );
}
