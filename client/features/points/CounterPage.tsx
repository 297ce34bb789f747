import { createSignal, Match, Show, Switch } from 'solid-js';
import { ticketHolder } from '../../../shared/folds/pointsQueries.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePoints } from '../../domain/usePoints.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { ConflictItem, ConflictNote } from '../../ui/ConflictNote.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { redeem, redeemProblem } from './actions.ts';
import { parseRedemption, type RedemptionRequest } from './redemptionCode.ts';
import { ScanPanel } from './ScanPanel.tsx';
import { TypedCode } from './TypedCode.tsx';

/**
 * The love supermarket's counter: scan a member's redemption QR (or type the digits under it), check
 * it against this phone's copy, record it.
 */
export default function CounterPage() {
  const { session, path } = usePage();
  const points = usePoints();
  const members = useMembers();
  const [request, setRequest] = createSignal<RedemptionRequest>();
  const [notACode, setNotACode] = createSignal(false);
  const [doneId, setDoneId] = createSignal<string>();
  const goods = () => points().goods[request()?.goodsId ?? ''];
  const cost = () => (goods()?.pricePoints ?? 0) * (request()?.quantity ?? 1);
  const account = () => points().accounts[request()?.memberId ?? ''];
  const balance = () => account()?.balance ?? 0;
  // The scan recorded here, once merged with another counter's earlier scan of the code, counts for nothing.
  const usedElsewhere = () => {
    const line = account()?.history.find((h) => h.eventId === doneId());
    return line ? ticketHolder(account(), line) : undefined;
  };
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  // Once recorded, the request's own ticket reads as used: the problem is asked only before.
  const problem = () => {
    const r = request();
    return r && !doneId() ? redeemProblem(points(), r) : undefined;
  };
  // A code scanned, or typed (its digits name the same one-time id): from here on the two are one.
  const show = (r: RedemptionRequest | undefined) => {
    setNotACode(r === undefined);
    setDoneId(undefined);
    setRequest(r);
  };
  const confirm = createSubmit(() => {
    const r = request();
    if (!r || problem()) return undefined;
    setDoneId(redeem(session, r));
    return undefined;
  });
  const next = () => {
    setRequest(undefined);
    setDoneId(undefined);
  };
  return (
    <>
      <PageHeader title={t('points.counter')} back={path('points', 'shop')} />
      <Show
        when={request()}
        fallback={
          <>
            <p class="muted">{t('points.counterHint')}</p>
            <ScanPanel found={(text) => show(parseRedemption(text))} />
            <Show when={notACode()}>
              <p class="form-error" role="alert" data-testid="not-a-code">
                {t('points.notACode')}
              </p>
            </Show>
            <TypedCode found={show} />
          </>
        }
      >
        {(r) => (
          <section class="section card points-request" data-testid="redeem-request">
            <h2 class="card-title">{members().byId.get(r().memberId)?.name ?? t('agenda.unknownMember')}</h2>
            <p class="points-big" data-testid="request-goods">
              {goods()?.name ?? ''} × {r().quantity}
            </p>
            <p data-testid="request-points">{t('points.cost', { n: cost() })}</p>
            <p class="muted" data-testid="request-balance">
              {doneId() ? t('points.balanceNow', { n: balance() }) : t('points.balanceIs', { n: balance() })}
            </p>
            <Switch>
              <Match when={usedElsewhere()}>
                {(holder) => (
                  <ConflictNote testid="redeem-used-elsewhere" text={t('points.usedElsewhere')}>
                    <ConflictItem who={formatDateTime(holder().at, intlLocale())}>
                      <p data-testid="used-by">
                        {t('points.scanCounted', { who: nameOf(holder().by), n: -holder().delta })}
                      </p>
                    </ConflictItem>
                  </ConflictNote>
                )}
              </Match>
              <Match when={doneId()}>
                <p class="status-line" role="status" data-testid="redeemed">
                  {t('points.redeemed')}
                </p>
              </Match>
              <Match when={problem()}>
                {(why) => (
                  <p class="form-error" role="alert" data-testid="redeem-problem">
                    {t(why() as MessageKey)}
                  </p>
                )}
              </Match>
              <Match when={true}>
                <button
                  type="button"
                  class="btn btn-primary btn-block"
                  onClick={() => confirm.run()}
                  data-testid="redeem-confirm"
                >
                  {t('points.recordRedeem')}
                </button>
              </Match>
            </Switch>
            <FormError error={confirm.error()} />
            <button type="button" class="btn btn-secondary btn-block" onClick={next} data-testid="scan-next">
              {t('points.scanNext')}
            </button>
          </section>
        )}
      </Show>
    </>
  );
}
