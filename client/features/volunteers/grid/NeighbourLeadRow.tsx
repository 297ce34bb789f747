import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Household } from '../../../../shared/events/grid.ts';
import type { GridPost } from '../../../../shared/folds/index.ts';
import { householdWarning } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';
import { IconAlert } from '../../../ui/icons.tsx';
import { listText } from '../../../ui/listText.ts';
import { PostConflict } from './PostConflict.tsx';

export const householdText = (h: Household) => (h.unit ? `${h.unit}${h.room}` : h.room);

/** A 邻长 with the households they serve; a count outside 5-15 is flagged in words, not refused. */
export function NeighbourLeadRow(props: { post: GridPost; nameOf: (id: string) => string; editHref?: string }) {
  const households = () => props.post.holder?.households ?? [];
  const warning = () => (props.post.holder ? householdWarning(households().length) : undefined);
  return (
    <li class="row grid-neighbour" data-testid="neighbour-lead" data-member={props.post.memberId}>
      <div class="row-main">
        <span class="row-title">{props.nameOf(props.post.memberId ?? '')}</span>
        <Show when={props.post.conflict}>
          <PostConflict post={props.post} nameOf={props.nameOf} committee={props.editHref !== undefined} />
        </Show>
        <span class="row-sub" data-testid="households">
          {t('grid.householdList', { n: households().length, list: listText(households().map(householdText)) })}
        </span>
        <Show when={warning()}>
          {(w) => (
            <span class="note-warn" data-testid="household-warning" data-warning={w()}>
              <IconAlert size={20} />
              {t(w() === 'too_few' ? 'grid.tooFew' : 'grid.tooMany', { n: households().length })}
            </span>
          )}
        </Show>
      </div>
      <Show when={props.editHref}>
        {(href) => (
          <A href={href()} class="btn btn-secondary" data-testid="edit-neighbour-lead">
            {t('grid.edit')}
          </A>
        )}
      </Show>
    </li>
  );
}
