import { For } from 'solid-js';
import type { GridPost } from '../../../../shared/folds/index.ts';
import { formatDate } from '../../../../shared/time.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { IconAlert } from '../../../ui/icons.tsx';

/** Two namings of one post made without seeing each other: both are listed until the committee names again. */
export function PostConflict(props: { post: GridPost; nameOf: (id: string) => string; committee: boolean }) {
  return (
    <div class="note-warn" role="note" data-testid="post-conflict">
      <IconAlert size={24} />
      <div>
        <p>{t(props.committee ? 'grid.conflictCommittee' : 'grid.conflict')}</p>
        <ul>
          <For each={props.post.current}>
            {(n) => (
              <li>
                {n.ended ? t('grid.endedBy', { name: props.nameOf(n.by) }) : props.nameOf(n.memberId)} ·{' '}
                {formatDate(n.at, intlLocale())}
              </li>
            )}
          </For>
        </ul>
      </div>
    </div>
  );
}
