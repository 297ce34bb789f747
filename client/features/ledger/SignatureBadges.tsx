import { For, Match, Switch } from 'solid-js';
import type { ExpenseState } from '../../../shared/folds/index.ts';
import { signatureMark } from '../../../shared/folds/ledgerQueries.ts';
import { parties } from '../../../shared/roles.ts';
import { t } from '../../i18n/index.ts';
import { IconCheck, IconClock } from '../../ui/icons.tsx';
import { partyLabel } from './ledgerText.ts';

/**
 * The three parties' signatures as three big badges, each in words and a mark, never colour alone.
 * Once the proposal can no longer be signed, a party that did not sign says so (无需签字), muted.
 */
export function SignatureBadges(props: { expense: ExpenseState; nameOf: (memberId: string) => string }) {
  return (
    <ul class="signatures" aria-label={t('ledger.signatures')} data-testid="signatures">
      <For each={parties}>
        {(party) => {
          const mark = () => signatureMark(props.expense, party);
          const who = () => {
            const act = mark() === 'refused' ? props.expense.refusal : props.expense.approvals[party];
            return act ? props.nameOf(act.by) : '';
          };
          return (
            <li class="signature" data-party={party} data-mark={mark()}>
              <span class="signature-mark" aria-hidden="true">
                <Switch fallback={<IconClock size={22} />}>
                  <Match when={mark() === 'approved'}>
                    <IconCheck size={22} />
                  </Match>
                  <Match when={mark() === 'refused'}>✕</Match>
                  <Match when={mark() === 'not_needed'}>–</Match>
                </Switch>
              </span>
              <span class="signature-party">{partyLabel(party)}</span>
              <span class="signature-state">{t(`ledger.sign.${mark()}`)}</span>
              <span class="signature-who">{who()}</span>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
