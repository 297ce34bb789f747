import { Show } from 'solid-js';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';

/** 签字确认: asks once more, showing the decision being signed. */
export function SignDialog(props: {
  request: RequestState;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSign: () => void;
}) {
  return (
    <ConfirmDialog
      open={props.open}
      onOpenChange={props.onOpenChange}
      title={t('request.confirmTitle')}
      confirmLabel={t('request.confirmYes')}
      onConfirm={() => props.onSign()}
    >
      <p>{t('request.confirmBody')}</p>
      <Show when={props.request.decision}>
        {(d) => (
          <p class="strong">
            {t('request.decision', { outcome: t(`outcome.${d().outcome}` as MessageKey) })}
            <Show when={d().note}>：{d().note}</Show>
          </p>
        )}
      </Show>
    </ConfirmDialog>
  );
}
