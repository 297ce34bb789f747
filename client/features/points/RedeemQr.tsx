import QRCode from 'qrcode';
import { createMemo, createResource, Show } from 'solid-js';
import type { GoodsState, PointsAccount } from '../../../shared/folds/index.ts';
import { ticketRedemption } from '../../../shared/folds/index.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';
import { Modal, ModalClose, ModalDescription } from '../../ui/Modal.tsx';
import { encodeRedemption } from './redemptionCode.ts';
import { codeGroups } from './shortCode.ts';

/**
 * The member's redemption QR, and its digits for a counter that cannot read it (a cracked or dim
 * screen): shown at the counter, works with no network on either phone. Once
 * the counter's scan of this code (its one-time id) reaches the member's phone, the code gives
 * way to 已兑换 with the balance as it now is.
 */
export function RedeemQr(props: {
  session: CompoundSession;
  goods: GoodsState | undefined;
  /** A fresh one-time id each time the code is opened; the counter records it once. */
  ticket: string;
  /** The ticket is digits a counter can type; else (all 1,000 numbers taken) the QR alone carries it. */
  digits: boolean;
  account: PointsAccount | undefined;
  /** Goods by id, to name what the counter recorded (its goods, whatever the code said). */
  goodsById: Record<string, GoodsState>;
  done: () => void;
}) {
  const balance = () => props.account?.balance ?? 0;
  const redeemed = createMemo(() => (props.ticket ? ticketRedemption(props.account, props.ticket) : undefined));
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
      title={redeemed() ? t('points.qrDoneTitle') : t('points.qrTitle')}
      class="dialog-tall"
      testId="redeem-qr"
    >
      <Show
        when={redeemed()}
        fallback={
          <Show when={props.goods}>
            {(g) => (
              <>
                <ModalDescription>
                  {t('points.qrHint', { goods: g().name, n: g().pricePoints, after: balance() - g().pricePoints })}
                </ModalDescription>
                <div
                  class="qr points-qr"
                  role="img"
                  aria-label={t('points.qrLabel')}
                  innerHTML={svg() ?? ''}
                  data-testid="redeem-qr-code"
                />
                <Show
                  when={props.digits}
                  fallback={
                    <p class="points-short-code-hint" data-testid="redeem-no-digits">
                      {t('points.shortCodeNone')}
                    </p>
                  }
                >
                  <p class="points-short-code-hint">{t('points.shortCodeHint')}</p>
                  <p class="points-short-code" data-testid="redeem-short-code">
                    {codeGroups(props.ticket).join(' ')}
                  </p>
                </Show>
              </>
            )}
          </Show>
        }
      >
        {(r) => (
          <div class="points-qr-done" role="status" data-testid="redeem-done">
            <IconCheck size={64} />
            <p class="points-qr-done-title">{t('points.qrDone')}</p>
            <p class="points-qr-done-what" data-testid="redeem-done-what">
              {t('points.qrDoneWhat', {
                goods: props.goodsById[r().goodsId ?? '']?.name ?? props.goods?.name ?? '',
                balance: balance(),
              })}
            </p>
          </div>
        )}
      </Show>
      <div class="dialog-actions">
        <ModalClose label={redeemed() ? t('points.qrDoneClose') : t('form.close')} primary />
      </div>
    </Modal>
  );
}
