import { Dialog } from '@kobalte/core/dialog';
import { closeMessage } from '../i18n/errors.ts';
import { t } from '../i18n/index.ts';
import type { DocProblem } from '../sync/DocHandle.ts';
import { IconDownload } from '../ui/icons.tsx';

/** After a rejection: what happened, that a copy was saved, and a way to save it again. */
export default function RecoveredDialog(props: {
  docLabel: string;
  problem: Extract<DocProblem, { kind: 'recovered' }>;
  onClose: () => void;
}) {
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-position">
          <Dialog.Content class="dialog" data-testid="recovered-dialog">
            <Dialog.Title class="dialog-title">{t('problem.recoveredTitle')}</Dialog.Title>
            <Dialog.Description class="dialog-body">
              {t('problem.recovered', {
                why: closeMessage(props.problem.code),
                file: props.problem.copy.jsonName,
                doc: props.docLabel,
              })}
            </Dialog.Description>
            <div class="dialog-actions">
              <button type="button" class="btn btn-secondary" onClick={() => props.problem.copy.download()}>
                <IconDownload size={24} />
                <span>{t('problem.saveAgain')}</span>
              </button>
              <Dialog.CloseButton class="btn btn-primary" aria-label={t('problem.dismiss')}>
                {t('problem.dismiss')}
              </Dialog.CloseButton>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
