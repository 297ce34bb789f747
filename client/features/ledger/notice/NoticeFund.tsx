import { For, Show } from 'solid-js';
import type { FundNotice, NoticeLine } from '../../../../shared/ledgerNotice.ts';
import { formatFen } from '../../../../shared/money.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { approvalsText, conflictsText, lineLabel, reversalText, whoText } from './noticeText.ts';

/** A line's effect on the fund in yuan, always signed so money in and out read apart without colour. */
function amountCell(l: NoticeLine): string {
  const fen = l.kind === 'expense' ? -l.amount : l.amount;
  return `${fen < 0 ? '−' : '+'}${formatFen(Math.abs(fen), intlLocale()).replace('¥', '')}`;
}

function lineTitle(l: NoticeLine): string {
  if (l.kind === 'income') return t('notice.income', { source: lineLabel(l) });
  if (l.kind === 'expense') return t('notice.expense', { purpose: l.purpose });
  return t('notice.kind.reversal');
}

/** One fund on the notice: opening balance, the period's lines, totals by source and purpose, closing balance. */
export function NoticeFund(props: { notice: FundNotice; nameOf: (memberId: string) => string }) {
  const f = () => props.notice;
  return (
    <section class="print-section notice-fund" data-testid="notice-fund" data-id={f().fund.id}>
      <h2>
        {f().fund.name} <span class="notice-kind">{t(`ledger.fundKind.${f().fund.kind}` as MessageKey)}</span>
      </h2>
      {/* The four figures first: a resident reading the board sees where the money stands before
          the period's lines (a parking fee a day is some 80 rows). The lines' totals stay below. */}
      <dl class="notice-summary" data-testid="notice-summary">
        <div>
          <dt>{t('notice.opening')}</dt>
          <dd data-testid="notice-opening" data-fen={f().opening}>
            {formatFen(f().opening, intlLocale())}
          </dd>
        </div>
        <div>
          <dt>{t('notice.totalIn')}</dt>
          <dd>{formatFen(f().totalIn, intlLocale())}</dd>
        </div>
        <div>
          <dt>{t('notice.totalOut')}</dt>
          <dd>{formatFen(f().totalOut, intlLocale())}</dd>
        </div>
        <div classList={{ 'notice-negative': f().closing < 0 }}>
          <dt>{t('notice.closing')}</dt>
          <dd>
            <strong>{formatFen(f().closing, intlLocale())}</strong>
          </dd>
        </div>
      </dl>
      <Show when={f().lines.length > 0} fallback={<p>{t('notice.noLines')}</p>}>
        <table class="notice-table">
          <thead>
            <tr>
              <th scope="col">{t('notice.col.day')}</th>
              <th scope="col">{t('notice.col.what')}</th>
              <th scope="col" class="num">
                {t('notice.col.amount')}
              </th>
            </tr>
          </thead>
          <For each={f().lines}>
            {(l) => (
              <tbody class="notice-line" data-testid="notice-line" data-kind={l.kind} data-id={l.id}>
                <tr>
                  <td class="notice-day">{l.day.slice(5)}</td>
                  <td class="notice-what">
                    <span class="strong">{lineTitle(l)}</span>
                    <Show when={l.kind !== 'reversal' && l.who ? l : undefined}>
                      {(line) => (
                        <span class="notice-who">
                          {t(line().kind === 'income' ? 'notice.who.payer' : 'notice.who.payee', {
                            name: whoText(line()),
                          })}
                        </span>
                      )}
                    </Show>
                  </td>
                  <td class="num" data-testid="notice-amount">
                    {amountCell(l)}
                  </td>
                </tr>
                <Show when={l.kind === 'expense'}>
                  <tr class="notice-sub">
                    <td />
                    <td colSpan={2}>{t('notice.approvals', { list: approvalsText(l, props.nameOf) })}</td>
                  </tr>
                </Show>
                <Show when={conflictsText(l)}>
                  {(words) => (
                    <tr class="notice-sub notice-conflict" data-testid="notice-conflict">
                      <td />
                      <td colSpan={2}>⚠ {words()}</td>
                    </tr>
                  )}
                </Show>
                <Show when={l.reversal}>
                  <tr class="notice-sub notice-reversal" data-testid="notice-reversal">
                    <td />
                    <td colSpan={2}>{reversalText(l, props.nameOf)}</td>
                  </tr>
                </Show>
              </tbody>
            )}
          </For>
        </table>
      </Show>
      <div class="notice-totals">
        <Show when={f().bySource.length > 0}>
          <h3>{t('notice.bySource')}</h3>
          <dl>
            <For each={f().bySource}>
              {([source, fen]) => (
                <div>
                  <dt>{t(`ledger.source.${source}` as MessageKey)}</dt>
                  <dd>{formatFen(fen, intlLocale())}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
        <Show when={f().byPurpose.length > 0}>
          <h3>{t('notice.byPurpose')}</h3>
          <dl>
            <For each={f().byPurpose}>
              {([purpose, fen]) => (
                <div>
                  <dt>{purpose}</dt>
                  <dd>{formatFen(fen, intlLocale())}</dd>
                </div>
              )}
            </For>
          </dl>
        </Show>
        <dl class="notice-sums">
          <div>
            <dt>{t('notice.totalIn')}</dt>
            <dd data-testid="notice-total-in">{formatFen(f().totalIn, intlLocale())}</dd>
          </div>
          <div>
            <dt>{t('notice.totalOut')}</dt>
            <dd data-testid="notice-total-out">{formatFen(f().totalOut, intlLocale())}</dd>
          </div>
        </dl>
      </div>
      <p
        class="notice-balance notice-closing"
        classList={{ 'notice-negative': f().closing < 0 }}
        data-testid="notice-closing"
        data-fen={f().closing}
      >
        {t('notice.closing')}：<strong>{formatFen(f().closing, intlLocale())}</strong>
        <Show when={f().closing < 0}>
          <span class="notice-overdrawn">{t('notice.overdrawn')}</span>
        </Show>
      </p>
    </section>
  );
}
