import { closeMessage } from '../i18n/errors.ts';
import { t } from '../i18n/index.ts';
import type { DocProblem } from '../sync/DocHandle.ts';
import { IconDownload } from '../ui/icons.tsx';
import { Modal, ModalClose, ModalDescription } from '../ui/Modal.tsx';

/** After a rejection: what happened, that a copy was saved, and a way to save it again. */
export default function RecoveredDialog(props: {
  docLabel: string;
  problem: Extract<DocProblem, { kind: 'recovered' }>;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={t('problem.recoveredTitle')}
      testId="recovered-dialog"
    >
      <ModalDescription>
        {t('problem.recovered', {
          why: closeMessage(props.problem.code),
          file: props.problem.copy.jsonName,
          doc: props.docLabel,
        })}
      </ModalDescription>
      <div class="dialog-actions">
        <button type="button" class="btn btn-secondary" onClick={() => props.problem.copy.download()}>
          <IconDownload size={24} />
          <span>{t('problem.saveAgain')}</span>
        </button>
        <ModalClose label={t('problem.dismiss')} primary />
      </div>
    </Modal>
  );
}
