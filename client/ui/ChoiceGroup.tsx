import { RadioGroup } from '@kobalte/core/radio-group';
import { For } from 'solid-js';
import { IconCheck } from './icons.tsx';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** When the label is in another language than the page (the language switch). */
  lang?: string;
}

/** A single choice as large tappable chips (a radio group underneath, with a tick, not colour alone). */
export function ChoiceGroup<V extends string>(props: {
  label: string;
  name: string;
  options: readonly Choice<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  layout?: 'chips' | 'rows';
  required?: boolean;
  testId?: string;
}) {
  return (
    <RadioGroup
      class="choice-group"
      classList={{ 'choice-rows': props.layout === 'rows' }}
      name={props.name}
      value={props.value ?? ''}
      onChange={(v) => props.onChange(v as V)}
      required={props.required}
      data-testid={props.testId}
    >
      <RadioGroup.Label class="field-label">{props.label}</RadioGroup.Label>
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
