import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ProfileState } from '../../../../shared/folds/index.ts';
import { buildingKey } from '../../../../shared/folds/index.ts';
import type { Grid } from '../../../domain/useGrid.ts';
import { registerToGrid } from '../../../domain/useGrid.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { Form } from '../../../ui/Form.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { listText } from '../../../ui/listText.ts';
import { TextField } from '../../../ui/TextField.tsx';

const OTHER = '\u0000other';

/** 微网格报到: the member's building and unit (from the register's list when known), and the party-member tag. */
export function GridRegisterForm(props: { grid: Grid; held: ProfileState | null; onDone: () => void }) {
  const { session } = usePage();
  const known = () => props.grid.buildings;
  const heldBuilding = props.held?.building ?? '';
  const [choice, setChoice] = createSignal(
    known().includes(heldBuilding) ? heldBuilding : known().length && !heldBuilding ? (known()[0] ?? '') : OTHER,
  );
  const [typed, setTyped] = createSignal(known().includes(heldBuilding) ? '' : heldBuilding);
  const [unit, setUnit] = createSignal(props.held?.unit ?? '');
  const [party, setParty] = createSignal(props.held?.tags.includes('party-member') ?? false);
  const building = () => (choice() === OTHER ? typed() : choice());
  const units = createMemo(
    () => props.grid.register.find((b) => buildingKey(b.building) === buildingKey(building()))?.units ?? [],
  );

  const form = createSubmit(() => {
    if (!building().trim())
      return { field: 'building', message: t('form.fillRequired', { field: t('grid.building') }) };
    registerToGrid(session, props.held, { building: building(), unit: unit(), partyMember: party() });
    props.onDone();
  });

  return (
    <Form submit={form} testId="grid-register-form">
      <Show
        when={known().length > 0}
        fallback={
          <TextField
            label={t('grid.building')}
            value={typed()}
            onInput={setTyped}
            placeholder={t('grid.buildingPlaceholder')}
            required
            maxLength={40}
            name="building"
          />
        }
      >
        <div class="field">
          <label class="field-label" for="grid-building">
            {t('grid.building')}
          </label>
          <select
            id="grid-building"
            class="input"
            name="building-choice"
            value={choice()}
            onChange={(e) => setChoice(e.currentTarget.value)}
          >
            <For each={known()}>{(b) => <option value={b}>{b}</option>}</For>
            <option value={OTHER}>{t('grid.otherBuilding')}</option>
          </select>
        </div>
        <Show when={choice() === OTHER}>
          <TextField
            label={t('grid.buildingTyped')}
            value={typed()}
            onInput={setTyped}
            placeholder={t('grid.buildingPlaceholder')}
            required
            maxLength={40}
            name="building"
          />
        </Show>
      </Show>
      <TextField
        label={t('grid.unit')}
        value={unit()}
        onInput={setUnit}
        placeholder={units().length ? listText(units()) : t('grid.unitPlaceholder')}
        maxLength={20}
        name="unit"
      />
      <label class="check-row">
        <input type="checkbox" name="party" checked={party()} onChange={(e) => setParty(e.currentTarget.checked)} />
        <span>
          <strong>{t('grid.partyMember')}</strong>
          <span class="row-sub">{t('grid.partyMemberHint')}</span>
        </span>
      </label>
      <FormError error={form.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="grid-register">
        {props.held?.building ? t('grid.registerAgain') : t('grid.register')}
      </button>
    </Form>
  );
}
