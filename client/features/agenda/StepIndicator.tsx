import { For, Show } from 'solid-js';
import type { RequestState } from '../../../shared/folds/index.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';
import { loopSteps, stepOf } from './steps.ts';

/** The six steps with the one waiting now marked in words ("当前"), done ones ticked, never colour alone. */
export function StepIndicator(props: { request: RequestState }) {
  const at = () => stepOf(props.request);
  const state = (i: number) => {
    const { index, ended } = at();
    if (i < index) return 'done';
    if (i === index) return ended ? 'ended' : 'current';
    return 'todo';
  };
  return (
    <ol class="steps-bar" aria-label={t('step.label')} data-testid="step-indicator">
      <For each={loopSteps}>
        {(step, i) => (
          <li
            class="step"
            data-state={state(i())}
            data-step={step}
            aria-current={state(i()) === 'current' ? 'step' : undefined}
          >
            <span class="step-head">
              <span class="step-mark" aria-hidden="true">
                <Show when={state(i()) === 'done'} fallback={i() + 1}>
                  <IconCheck size={16} />
                </Show>
              </span>
              <span class="step-state">{t(`step.${state(i())}` as MessageKey)}</span>
            </span>
            <span class="step-name">{t(`step.${step}` as MessageKey)}</span>
          </li>
        )}
      </For>
    </ol>
  );
}
