import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { RequestState } from '../../../../shared/folds/index.ts';
import type { Member } from '../../../../shared/roles.ts';
import { t } from '../../../i18n/index.ts';
import { canConfirm } from '../steps.ts';
import { type OpenSheet, offeredActions } from './requestActions.tsx';

/** A member's own steps (sign a decision, rate a result): primary for residents, secondary for the committee. */
export function OwnSteps(props: {
  request: RequestState;
  viewer: Member;
  primary: boolean;
  onSign: () => void;
  onAction: (open: OpenSheet) => void;
}) {
  const classes = () => ({ 'btn-primary': props.primary, 'btn-secondary': !props.primary, 'rate-button': true });
  return (
    <>
      <Show when={canConfirm(props.request, props.viewer.memberId)}>
        <button
          type="button"
          class="btn btn-block"
          classList={classes()}
          data-testid="confirm-button"
          onClick={() => props.onSign()}
        >
          {t('request.confirm')}
        </button>
      </Show>
      <For each={offeredActions('own', props.request, props.viewer)}>
        {(action) => (
          <button
            type="button"
            class="btn btn-block"
            classList={classes()}
            data-action={action.id}
            onClick={() => props.onAction({ id: action.id })}
          >
            <Dynamic component={action.icon} size={24} />
            {t(action.label)}
          </button>
        )}
      </For>
    </>
  );
}
