import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { RequestState } from '../../../../shared/folds/index.ts';
import type { Member } from '../../../../shared/roles.ts';
import { t } from '../../../i18n/index.ts';
import type { IconComponent } from '../../../ui/icons.tsx';
import { canConfirm } from '../steps.ts';
import { type OpenSheet, offeredActions } from './requestActions.tsx';

/**
 * A member's own steps (sign a decision, rate a result): the first of them primary when `primary`
 * (residents; anyone once a result waits for its rating), else all secondary. A result waiting for
 * its rating puts rating it first.
 */
export function OwnSteps(props: {
  request: RequestState;
  viewer: Member;
  primary: boolean;
  onSign: () => void;
  onAction: (open: OpenSheet) => void;
}) {
  const steps = (): { id: string; label: string; icon?: IconComponent; run: () => void }[] => {
    const sign = canConfirm(props.request, props.viewer.memberId)
      ? [{ id: 'confirm', label: t('request.confirm'), run: () => props.onSign() }]
      : [];
    const own = offeredActions('own', props.request, props.viewer).map((a) => ({
      id: a.id,
      label: t(a.label),
      icon: a.icon,
      run: () => props.onAction({ id: a.id }),
    }));
    return props.request.stage === 'completed' ? [...own, ...sign] : [...sign, ...own];
  };
  return (
    <For each={steps()}>
      {(step, i) => (
        <button
          type="button"
          class="btn btn-block rate-button"
          classList={{ 'btn-primary': props.primary && i() === 0, 'btn-secondary': !props.primary || i() > 0 }}
          data-testid={step.id === 'confirm' ? 'confirm-button' : undefined}
          data-action={step.id === 'confirm' ? undefined : step.id}
          onClick={step.run}
        >
          <Show when={step.icon}>{(icon) => <Dynamic component={icon()} size={24} />}</Show>
          {step.label}
        </button>
      )}
    </For>
  );
}
