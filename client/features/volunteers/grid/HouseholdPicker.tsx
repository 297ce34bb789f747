import { createSignal, For, Show } from 'solid-js';
import type { Household } from '../../../../shared/events/grid.ts';
import { t } from '../../../i18n/index.ts';
import { TextField } from '../../../ui/TextField.tsx';
import { householdText } from './NeighbourLeadRow.tsx';
import { parseHouseholds } from './parseHouseholds.ts';

const same = (a: Household, b: Household) => (a.unit ?? '') === (b.unit ?? '') && a.room === b.room;

/** A 邻长's households: ticked from the unit register where this phone has it, else typed as a list. */
export function HouseholdPicker(props: {
  register: readonly Household[];
  value: readonly Household[];
  onChange: (households: Household[]) => void;
}) {
  const [text, setText] = createSignal(props.value.map(householdText).join(' '));
  const toggle = (h: Household, on: boolean) =>
    props.onChange(on ? [...props.value, h] : props.value.filter((x) => !same(x, h)));
  return (
    <Show
      when={props.register.length > 0}
      fallback={
        <TextField
          label={t('grid.householdsField')}
          hint={t('grid.householdsHint')}
          value={text()}
          onInput={(v) => {
            setText(v);
            props.onChange(parseHouseholds(v));
          }}
          multiline
          maxLength={2000}
          name="households"
        />
      }
    >
      <fieldset class="field household-picker">
        <legend class="field-label">
          {t('grid.householdsField')} · {t('grid.households', { n: props.value.length })}
        </legend>
        <For each={props.register}>
          {(h) => (
            <label class="check-row">
              <input
                type="checkbox"
                checked={props.value.some((x) => same(x, h))}
                onChange={(e) => toggle(h, e.currentTarget.checked)}
              />
              <span>{householdText(h)}</span>
            </label>
          )}
        </For>
      </fieldset>
    </Show>
  );
}
