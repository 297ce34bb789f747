import { For } from 'solid-js';
import type { ExpenseState } from '../../../shared/folds/index.ts';
import { type Party, parties } from '../../../shared/roles.ts';
import { t } from '../../i18n/index.ts';
import { IconCheck, IconClock } from '../../ui/icons.tsx';
import { partyLabel } from './ledgerText.ts';

type Mark = 'approved' | 'refused' | 'waiting';

/** A party that refused shows as refused even beside an approval of its own made at the same time. */
const markOf = (x: ExpenseState, party: Party): Mark =>
  x.refusal?.party === party ? 'refused' : x.approvals[party] ? 'approved' : 'waiting';

/** The three parties' signatures as three big badges, each in words and a mark, never colour alone. */
export function SignatureBadges(props: { expense: ExpenseState; nameOf: (memberId: string) => string }) {
  return (
    <ul class="signatures" aria-label={t('ledger.signatures')} data-testid="signatures">
      <For each={parties}>
        {(party) => {
          const mark = () => markOf(props.expense, party);
          const who = () => {
            const act = mark() === 'refused' ? props.expense.refusal : props.expense.approvals[party];
            return act ? props.nameOf(act.by) : '';
          };
          return (
            <li class="signature" data-party={party} data-mark={mark()}>
              <span class="signature-mark" aria-hidden="true">
                {mark() === 'approved' ? <IconCheck size={22} /> : mark() === 'refused' ? '✕' : <IconClock size={22} />}
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
