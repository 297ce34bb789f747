import { For, Show } from 'solid-js';
import type { ExpenseState } from '../../../shared/folds/index.ts';
import { formatDate } from '../../../shared/time.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/** The owners' assembly decisions linked to an expense (passed or not), and whether it still waits for one. */
export function AssemblyLinks(props: { expense: ExpenseState; blocked: boolean }) {
  return (
    <>
      <Show when={props.blocked}>
        <p class="entry-note" data-testid="needs-assembly">
          {t('ledger.assembly.needed')}
        </p>
      </Show>
      <For each={props.expense.assembly}>
        {(link) => (
          <p class="card-meta" data-testid="assembly-link" data-passed={link.passed}>
            {t(link.passed ? 'ledger.assembly.linkedPassed' : 'ledger.assembly.linkedFailed', {
              day: formatDate(link.at, intlLocale()),
              owners: `${link.tally.ownersFor}/${link.tally.ownersTakingPart}`,
            })}
          </p>
        )}
      </For>
    </>
  );
}
