import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { GoodsCount } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { newId } from '../../domain/appendPublic.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAccount, usePoints } from '../../domain/usePoints.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { IconCamera, IconPlus } from '../../ui/icons.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CountForm, ListGoodsForm, RestockForm } from './GoodsForms.tsx';
import { RedeemQr } from './RedeemQr.tsx';

/** The latest shelf count of goods, and how it compared with the stock the counting phone showed. */
function LastCount(props: { count: GoodsCount; countedOff: number }) {
  const members = useMembers();
  /** What this count moved the stock by. */
  const moved = () => props.count.counted - props.count.expected;
  const diff = () => {
    const d = moved();
    if (d === 0) return t('points.countMatched');
    return d < 0 ? t('points.countShort', { n: -d }) : t('points.countOver', { n: d });
  };
  // Earlier counts moved the stock too: their sum is shown, so none goes unseen.
  const earlier = () => props.countedOff !== moved();
  return (
    <>
      <span class="card-meta" data-testid="goods-last-count">
        {t('points.lastCount', {
          when: formatDateTime(props.count.at, intlLocale()),
          who: members().byId.get(props.count.by)?.name ?? t('agenda.unknownMember'),
          counted: props.count.counted,
          diff: diff(),
        })}
      </span>
      <Show when={earlier() && props.countedOff !== 0}>
        <span class="card-meta" data-testid="goods-counted-off">
          {props.countedOff < 0
            ? t('points.countsShort', { n: -props.countedOff })
            : t('points.countsOver', { n: props.countedOff })}
        </span>
      </Show>
    </>
  );
}

/** 爱心超市: goods with their price in points and stock; a member shows a QR, the committee lists, restocks, counts and scans. */
export default function ShopPage() {
  const { session, path } = usePage();
  const points = usePoints();
  const mine = useAccount();
  const committee = () => mayAppend('points.redeemed', session.member);
  const goods = () => Object.values(points().goods).sort((a, b) => a.listedAt - b.listedAt || (a.id < b.id ? -1 : 1));
  const balance = () => mine()?.balance ?? 0;
  const [listing, setListing] = createSignal(false);
  const [restocking, setRestocking] = createSignal<string>();
  const [counting, setCounting] = createSignal<string>();
  const [redeeming, setRedeeming] = createSignal<{ goodsId: string; ticket: string }>();
  return (
    <>
      <PageHeader title={t('points.shop')} back={path('points')} />
      <p class="muted" data-testid="shop-balance">
        {t('points.balanceIs', { n: balance() })}
      </p>
      <Show when={committee()}>
        <A href={path('points', 'counter')} class="btn btn-primary btn-block" data-testid="open-counter">
          <IconCamera size={24} />
          <span>{t('points.counter')}</span>
        </A>
      </Show>
      <Show when={goods().length > 0} fallback={<p class="empty">{t('points.noGoods')}</p>}>
        <ul class="cards" data-testid="goods-list">
          <For each={goods()}>
            {(g) => (
              <li class="card" data-testid="goods" data-name={g.name}>
                <span class="card-title">{g.name}</span>
                <span class="card-meta">
                  {t('points.price', { n: g.pricePoints })} ·{' '}
                  <span data-testid="goods-stock">{t('points.stock', { n: g.stock })}</span>
                </span>
                <Show when={committee() && g.lastCount}>
                  {(c) => <LastCount count={c()} countedOff={g.countedOff} />}
                </Show>
                <div class="points-goods-actions">
                  <button
                    type="button"
                    class="btn btn-primary"
                    disabled={balance() < g.pricePoints || g.stock < 1}
                    onClick={() => setRedeeming({ goodsId: g.id, ticket: newId() })}
                    data-testid="redeem"
                  >
                    {g.stock < 1
                      ? t('points.soldOut')
                      : balance() < g.pricePoints
                        ? t('points.notEnough')
                        : t('points.redeem')}
                  </button>
                  <Show when={committee()}>
                    <button
                      type="button"
                      class="btn btn-secondary"
                      onClick={() => setRestocking(g.id)}
                      data-testid="restock"
                    >
                      {t('points.restock')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-secondary"
                      onClick={() => setCounting(g.id)}
                      data-testid="count"
                    >
                      {t('points.count')}
                    </button>
                  </Show>
                </div>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={committee()}>
        <button
          type="button"
          class="btn btn-secondary btn-block"
          onClick={() => setListing(true)}
          data-testid="list-goods"
        >
          <IconPlus size={24} />
          <span>{t('points.listGoods')}</span>
        </button>
      </Show>
      <Modal open={listing()} onOpenChange={setListing} title={t('points.listGoods')}>
        <ListGoodsForm session={session} done={() => setListing(false)} />
      </Modal>
      <Modal
        open={restocking() !== undefined}
        onOpenChange={(o) => !o && setRestocking(undefined)}
        title={t('points.restock')}
      >
        <RestockForm session={session} goodsId={restocking() ?? ''} done={() => setRestocking(undefined)} />
      </Modal>
      <Modal
        open={counting() !== undefined}
        onOpenChange={(o) => !o && setCounting(undefined)}
        title={t('points.count')}
      >
        <CountForm session={session} goods={points().goods[counting() ?? '']} done={() => setCounting(undefined)} />
      </Modal>
      <RedeemQr
        session={session}
        goods={points().goods[redeeming()?.goodsId ?? '']}
        ticket={redeeming()?.ticket ?? ''}
        balance={balance()}
        done={() => setRedeeming(undefined)}
      />
    </>
  );
}
