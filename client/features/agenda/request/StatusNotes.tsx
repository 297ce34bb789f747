import { Show } from 'solid-js';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';
import { ConflictNote } from '../../../ui/ConflictNote.tsx';
import { IconAlert } from '../../../ui/icons.tsx';

/** Why the request came back (reopened) or was withdrawn, in the words given. */
export function StatusNotes(props: { request: RequestState }) {
  const r = () => props.request;
  return (
    <>
      <Show when={r().stage === 'reopened' || r().reopenCount > 0}>
        <p class="banner-inline" data-testid="reopened">
          <IconAlert size={22} />
          {t('request.reopenedNote', {
            reason: r().reopenCause === 'ratings' ? t('request.reopenUnsatisfied') : (r().reopenReason ?? ''),
            n: r().reopenCount,
          })}
        </p>
      </Show>
      <Show when={r().withdrawnReason}>{(w) => <p class="note">{t('request.withdrawnNote', { reason: w() })}</p>}</Show>
      <Show when={r().stage !== 'withdrawn' && r().withdrawal}>
        {(w) => (
          <ConflictNote
            testid="concurrent-withdrawal"
            text={t('request.concurrentWithdrawal', { reason: w().reason })}
          />
        )}
      </Show>
    </>
  );
}
