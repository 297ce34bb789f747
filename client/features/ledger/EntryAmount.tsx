import { Show } from 'solid-js';
import { formatFen } from '../../../shared/money.ts';
import { intlLocale, t } from '../../i18n/index.ts';

/**
 * An entry's amount, bold; once reversed it is struck through and no longer bold, and a screen
 * reader hears 已冲销 before it (a line through the figure says nothing to one).
 */
export function EntryAmount(props: { fen: number; reversed: boolean }) {
  return (
    <strong class="entry-amount" data-testid="amount" data-reversed={props.reversed}>
      <Show when={props.reversed} fallback={formatFen(props.fen, intlLocale())}>
        <s>
          <span class="visually-hidden">{t('ledger.reversedMark')} </span>
          {formatFen(props.fen, intlLocale())}
        </s>
      </Show>
    </strong>
  );
}
