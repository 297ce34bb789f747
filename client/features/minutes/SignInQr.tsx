import QRCode from 'qrcode';
import { createResource, createSignal } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';

/** The chair's "sign-in QR": a large code of the meeting's link; scanning it with a phone's camera opens the one-tap sign-in. */
export function SignInQr(props: { link: string }) {
  const [open, setOpen] = createSignal(false);
  const [svg] = createResource(
    () => (open() ? props.link : undefined),
    (link) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  );
  return (
    <>
      <button
        type="button"
        class="btn btn-secondary btn-block minutes-qr-open"
        onClick={() => setOpen(true)}
        data-testid="signin-qr-open"
      >
        {t('minutes.qrOpen')}
      </button>
      <Modal open={open()} onOpenChange={setOpen} title={t('minutes.qrTitle')} class="dialog-tall" testId="signin-qr">
        <ModalDescription>{t('minutes.qrHint')}</ModalDescription>
        <div
          class="qr minutes-qr"
          role="img"
          aria-label={t('minutes.qrLabel')}
          innerHTML={svg() ?? ''}
          data-testid="signin-qr-code"
        />
        <p class="minutes-qr-link" data-testid="signin-qr-link">
          {props.link}
        </p>
        <div class="dialog-actions">
          <ModalClose label={t('form.close')} primary />
        </div>
      </Modal>
    </>
  );
}
