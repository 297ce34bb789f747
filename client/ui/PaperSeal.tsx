import QRCode from 'qrcode';
import { createResource } from 'solid-js';
import { groupHash } from '../../shared/paperHash.ts';
import { t } from '../i18n/index.ts';
import './paperPrint.css';

/** The foot of a printed paper: a QR of its verify link, the short hash in groups, the link and how to check. */
export function PaperSeal(props: { hash: string; url: string; hint: string }) {
  const [qr] = createResource(
    () => props.url,
    (u) => QRCode.toString(u, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
  );
  return (
    <footer class="print-foot">
      <div class="print-qr" role="img" aria-label={t('print.qr')} innerHTML={qr() ?? ''} />
      <div>
        <p>{t('print.hashLabel')}</p>
        <p class="print-hash" data-testid="print-hash">
          {groupHash(props.hash)}
        </p>
        <p class="print-url">{props.url}</p>
        <p>{props.hint}</p>
      </div>
    </footer>
  );
}
