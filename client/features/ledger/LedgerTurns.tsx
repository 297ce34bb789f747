import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { formatFen } from '../../../shared/money.ts';
import type { Party } from '../../../shared/roles.ts';
import { useLedgerTodos } from '../../domain/useLedger.ts';
import { usePage } from '../../domain/usePage.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { partyLabel } from './ledgerText.ts';

/** What waits on this member's party in the ledger, each a link to its entry; nothing when none. */
export function LedgerTurns() {
  const { session, path } = usePage();
  const todos = useLedgerTodos();
  const party = () => session.member.party as Party;
  return (
    <Show when={todos().length > 0}>
      <section class="section ledger-turns" aria-labelledby="ledger-turns-heading" data-testid="ledger-turns">
        <h2 id="ledger-turns-heading" class="turns-heading">
          {t('ledger.turns', { party: partyLabel(party()) })}
        </h2>
        <ul class="link-list">
          <For each={todos()}>
            {(todo) => (
              <li>
                <A
                  href={`${path('ledger')}#entry-${todo.expense.id}`}
                  class="row row-link"
                  data-testid="ledger-todo"
                  data-kind={todo.kind}
                >
                  <span class="row-main">
                    <span class="row-title">
                      {todo.expense.purpose} · {formatFen(todo.expense.amount, intlLocale())}
                    </span>
                    <span class="row-sub">
                      {todo.kind === 'approve'
                        ? t('ledger.todo.approve', { party: partyLabel(party()) })
                        : t(todo.kind === 'pay' ? 'ledger.todo.pay' : 'ledger.todo.assembly')}
                    </span>
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}

/** The count on the ledger tab: items waiting on this member's party, in words for screen readers. */
export function LedgerTabBadge() {
  const todos = useLedgerTodos();
  return (
    <Show when={todos().length > 0}>
      <span class="tab-badge" data-testid="ledger-badge" data-count={todos().length}>
        <span aria-hidden="true">{todos().length}</span>
        <span class="visually-hidden">{t('ledger.badge', { n: todos().length })}</span>
      </span>
    </Show>
  );
}
