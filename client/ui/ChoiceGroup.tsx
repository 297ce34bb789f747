import { RadioGroup } from '@kobalte/core/radio-group';
import { For } from 'solid-js';
import { createFieldError } from './Form.tsx';
import { IconCheck } from './icons.tsx';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** When the label is in another language than the page (the language switch). */
  lang?: string;
}

/**
 * A single choice as large tappable chips (a radio group underneath, with a tick, not colour alone).
 * What is wrong with it shows under the label until a choice is made (see TextField).
 */
export function ChoiceGroup<V extends string>(props: {
  label: string;
  name: string;
  options: readonly Choice<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  layout?: 'chips' | 'rows';
  required?: boolean;
  testId?: string;
  error?: string;
}) {
  let root: HTMLDivElement | undefined;
  // The chosen chip takes the focus, or the first when none is chosen yet.
  const error = createFieldError(
    props,
    () => (root?.querySelector<HTMLElement>('input:checked') ?? root?.querySelector<HTMLElement>('input')) || undefined,
  );
  return (
    <RadioGroup
      ref={root}
      class="choice-group"
      classList={{ 'choice-rows': props.layout === 'rows', 'field-invalid': !!error.message() }}
      name={props.name}
      value={props.value ?? ''}
      onChange={(v) => {
        error.edited();
        props.onChange(v as V);
      }}
      required={props.required}
      validationState={error.message() ? 'invalid' : undefined}
      data-testid={props.testId}
    >
      <RadioGroup.Label class="field-label">{props.label}</RadioGroup.Label>
      {/* Kobalte ties the message to the group and each chip (aria-describedby) while the group is invalid. */}
      <RadioGroup.ErrorMessage class="field-error" data-testid="field-error">
        {error.message()}
      </RadioGroup.ErrorMessage>
      <div class="choices">
        <For each={props.options}>
          {(option) => (
            <RadioGroup.Item value={option.value} class="choice">
              <RadioGroup.ItemInput class="choice-input" />
              <RadioGroup.ItemLabel class="choice-label">
                <RadioGroup.ItemControl class="choice-control">
                  <RadioGroup.ItemIndicator class="choice-indicator">
                    <IconCheck size={20} />
                  </RadioGroup.ItemIndicator>
                </RadioGroup.ItemControl>
                <span lang={option.lang}>{option.label}</span>
              </RadioGroup.ItemLabel>
            </RadioGroup.Item>
          )}
        </For>
      </div>
    </RadioGroup>
  );
}
