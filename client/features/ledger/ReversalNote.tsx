import type { Reversal } from '../../../shared/folds/ledger.ts';
import { formatDate } from '../../../shared/time.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { IconReopen } from '../../ui/icons.tsx';

/** A reversal shown beside the entry it reverses: when, by whom, why. */
export function ReversalNote(props: { reversal: Reversal; nameOf: (memberId: string) => string }) {
  return (
    <p class="entry-reversal" data-testid="reversal">
      <IconReopen size={20} />
      <span>
        {t('ledger.reversed', {
          date: formatDate(props.reversal.at, intlLocale()),
          name: props.nameOf(props.reversal.by),
          reason: props.reversal.reason,
        })}
      </span>
    </p>
  );
}
