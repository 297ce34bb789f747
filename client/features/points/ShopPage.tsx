import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { GoodsCount } from '../../../shared/folds/index.ts';
import { ticketUsed } from '../../../shared/folds/index.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime } from '../../../shared/time.ts';
import { issuedTickets } from '../../domain/issuedTickets.ts';
import { createUrlSheet } from '../../domain/urlSheet.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { useAccount, usePoints } from '../../domain/usePoints.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { IconCamera, IconPlus } from '../../ui/icons.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CountForm, ListGoodsForm, RestockForm } from './GoodsForms.tsx';
import { RedeemQr } from './RedeemQr.tsx';
import { newTicket, type Ticket } from './shortCode.ts';

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

/** The committee's sheets: goods put on the shelf, or restocked or counted. */
type ShopSheet = { id: 'list' } | { id: 'restock' | 'count'; goodsId: string };

/** 爱心超市: goods with their price in points and stock; a member shows a QR, the committee lists, restocks, counts and scans. */
export default function ShopPage() {
  const { session, path } = usePage();
  const points = usePoints();
  const mine = useAccount();
  const committee = () => mayAppend('points.redeemed', session.member);
  const goods = () => Object.values(points().goods).sort((a, b) => a.listedAt - b.listedAt || (a.id < b.id ? -1 : 1));
  const balance = () => mine()?.balance ?? 0;
  // A sheet half filled comes back after a reload, for goods still on the list.
  const { sheet, visit, restored, open } = createUrlSheet<ShopSheet>({
    toUrl: (s) => ({ sheet: s.id, of: s.id === 'list' ? undefined : s.goodsId }),
    fromUrl: (named, of) => {
      if (!committee()) return undefined;
      if (named === 'list') return { id: 'list' };
      const known = typeof of === 'string' && Object.hasOwn(points().goods, of);
      return known && (named === 'restock' || named === 'count') ? { id: named, goodsId: of } : undefined;
    },
    ready: session.doc('public').ready,
  });
  const goodsOf = (id: 'restock' | 'count') => {
    const s = sheet();
    return s && s.id === id ? s.goodsId : undefined;
  };
  const close = () => open(undefined);
  const [redeeming, setRedeeming] = createSignal<{ goodsId: string } & Ticket>();
  /** The one-time id of a QR opened now: its digits, typed at the counter, name the same redemption. */
  const freshTicket = (goodsId: string) => {
    const memberId = session.member.memberId;
    const issued = issuedTickets(session.compoundId, memberId, goodsId);
    return newTicket(memberId, goodsId, (ticket) => ticketUsed(mine(), ticket), issued);
  };
  return (
    <>
      <PageHeader title={t('points.shop')} back={path('points')} />
      <p class="points-shop-balance" data-testid="shop-balance">
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
                    onClick={() => setRedeeming({ goodsId: g.id, ...freshTicket(g.id) })}
                    data-testid="redeem"
                  >
                    {g.stock < 1
                      ? t('points.soldOut')
                      : balance() < g.pricePoints
                        ? t('points.notEnough', { n: g.pricePoints - balance() })
                        : t('points.redeem')}
                  </button>
                  <Show when={committee()}>
                    <button
                      type="button"
                      class="btn btn-secondary"
                      onClick={() => open({ id: 'restock', goodsId: g.id })}
                      data-testid="restock"
                    >
                      {t('points.restock')}
                    </button>
                    <button
                      type="button"
                      class="btn btn-secondary"
                      onClick={() => open({ id: 'count', goodsId: g.id })}
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
          onClick={() => open({ id: 'list' })}
          data-testid="list-goods"
        >
          <IconPlus size={24} />
          <span>{t('points.listGoods')}</span>
        </button>
      </Show>
      <Modal
        open={sheet()?.id === 'list'}
        filled={restored()}
        onOpenChange={(o) => !o && close()}
        title={t('points.listGoods')}
      >
        <ListGoodsForm session={session} visit={visit()} done={close} />
      </Modal>
      <Modal
        open={goodsOf('restock') !== undefined}
        filled={restored()}
        onOpenChange={(o) => !o && close()}
        title={t('points.restock')}
      >
        <RestockForm session={session} goodsId={goodsOf('restock') ?? ''} visit={visit()} done={close} />
      </Modal>
      <Modal
        open={goodsOf('count') !== undefined}
        filled={restored()}
        onOpenChange={(o) => !o && close()}
        title={t('points.count')}
      >
        <CountForm session={session} goods={points().goods[goodsOf('count') ?? '']} visit={visit()} done={close} />
      </Modal>
      <RedeemQr
        session={session}
        goods={points().goods[redeeming()?.goodsId ?? '']}
        ticket={redeeming()?.ticket ?? ''}
        digits={redeeming()?.digits ?? false}
        account={mine()}
        goodsById={points().goods}
        done={() => setRedeeming(undefined)}
      />
    </>
  );
}
