import { For, Show } from 'solid-js';
import type { PointsEntry } from '../../../shared/folds/index.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useOverdrafts, usePoints } from '../../domain/usePoints.ts';
import { t } from '../../i18n/index.ts';

/**
 * Redemptions two offline counters both allowed (余额透支), for the committee to settle by a correction;
 * one of `self`'s own is another member's to correct (the relay refuses it: own_line).
 */
export function OverdraftList(props: { self: string; onCorrect: (entry: PointsEntry) => void }) {
  const list = useOverdrafts();
  const points = usePoints();
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  return (
    <Show when={list().length > 0}>
      <section class="section" aria-labelledby="overdraft-heading" data-testid="overdrafts">
        <h2 id="overdraft-heading" class="turns-heading">
          {t('points.overdrafts')}
        </h2>
        <p class="muted">{t('points.overdraftsHint')}</p>
        <ul class="link-list">
          <For each={list()}>
            {(o) => (
              <li class="row" data-testid="overdraft">
                <span class="row-main">
                  <span class="row-title">
                    {nameOf(o.memberId)} · {t('points.balanceIs', { n: o.balance })}
                  </span>
                  <span class="row-sub">
                    {t('points.why.redeem', {
                      goods: points().goods[o.entry.goodsId ?? '']?.name ?? '',
                      n: o.entry.quantity ?? 1,
                    })}
                  </span>
                </span>
                <Show
                  when={o.memberId !== props.self}
                  fallback={
                    <span class="muted" data-testid="overdraft-own">
                      {t('points.correctNotSelf')}
                    </span>
                  }
                >
                  <button type="button" class="btn btn-secondary btn-small" onClick={() => props.onCorrect(o.entry)}>
                    {t('points.correct')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
