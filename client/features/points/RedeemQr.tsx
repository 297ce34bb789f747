import QRCode from 'qrcode';
import { createMemo, createResource, Show } from 'solid-js';
import type { GoodsState } from '../../../shared/folds/index.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';
import { encodeRedemption } from './redemptionCode.ts';

/** The member's redemption QR: shown at the counter, works with no network on either phone. */
export function RedeemQr(props: {
  session: CompoundSession;
  goods: GoodsState | undefined;
  /** A fresh one-time id each time the code is opened; the counter records it once. */
  ticket: string;
  balance: number;
  done: () => void;
}) {
  const code = createMemo(() => {
    const g = props.goods;
    if (!g) return undefined;
    return encodeRedemption({
      ticket: props.ticket,
      memberId: props.session.member.memberId,
      goodsId: g.id,
      quantity: 1,
      points: g.pricePoints,
    });
  });
  const [svg] = createResource(code, (text) =>
    QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  );
  return (
    <Modal
      open={props.goods !== undefined}
      onOpenChange={(o) => !o && props.done()}
      title={t('points.qrTitle')}
      class="dialog-tall"
      testId="redeem-qr"
    >
      <Show when={props.goods}>
        {(g) => (
          <>
            <ModalDescription>
              {t('points.qrHint', { goods: g().name, n: g().pricePoints, after: props.balance - g().pricePoints })}
            </ModalDescription>
            <div
              class="qr points-qr"
              role="img"
              aria-label={t('points.qrLabel')}
              innerHTML={svg() ?? ''}
              data-testid="redeem-qr-code"
            />
          </>
        )}
      </Show>
      <div class="dialog-actions">
        <ModalClose label={t('form.close')} primary />
      </div>
    </Modal>
  );
}
