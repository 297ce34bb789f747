import { createMemo, For } from 'solid-js';
import { categories } from '../../../shared/events/request.ts';
import { buildingsOf, type ListQuery, type ListTab } from '../../../shared/folds/agendaList.ts';
import { type RequestState, turns } from '../../../shared/folds/index.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { turnLabel } from '../../ui/badges.tsx';

export type FilterPatch = { f?: string; b?: string; c?: string; turn?: string };

/** The list's stage, building, category and turn pickers (the body of its folded "filters" section). */
export function AgendaFilters(props: {
  stageTabs: readonly ListTab[];
  query: ListQuery;
  requests: readonly RequestState[];
  counts: Record<ListTab, number>;
  turnTotals: Record<string, number>;
  onChange: (patch: FilterPatch) => void;
}) {
  const buildings = createMemo(() => buildingsOf(props.requests));
  return (
    <div class="filters-body">
      <div class="field">
        <label class="field-label" for="agenda-stage">
          {t('agenda.stage')}
        </label>
        <select
          id="agenda-stage"
          class="input"
          data-testid="filter-stage"
          value={props.stageTabs.includes(props.query.tab) ? props.query.tab : ''}
          onChange={(e) => props.onChange({ f: e.currentTarget.value || undefined })}
        >
          <option value="">{t('agenda.anyStage')}</option>
          <For each={props.stageTabs}>
            {(tab) => (
              <option value={tab}>
                {t(`tab.${tab}` as MessageKey)}（{props.counts[tab]}）
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="agenda-building">
          {t('agenda.building')}
        </label>
        <select
          id="agenda-building"
          class="input"
          data-testid="filter-building"
          value={props.query.building ?? ''}
          onChange={(e) => props.onChange({ b: e.currentTarget.value || undefined })}
        >
          <option value="">{t('agenda.allBuildings')}</option>
          <For each={buildings()}>{(b) => <option value={b}>{b}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="agenda-category">
          {t('agenda.category')}
        </label>
        <select
          id="agenda-category"
          class="input"
          data-testid="filter-category"
          value={props.query.category ?? ''}
          onChange={(e) => props.onChange({ c: e.currentTarget.value || undefined })}
        >
          <option value="">{t('agenda.allCategories')}</option>
          <For each={categories}>{(c) => <option value={c}>{t(`category.${c}` as MessageKey)}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label class="field-label" for="agenda-turn">
          {t('agenda.turns')}
        </label>
        <select
          id="agenda-turn"
          class="input"
          data-testid="filter-turn"
          value={props.query.turn ?? ''}
          onChange={(e) => props.onChange({ turn: e.currentTarget.value || undefined })}
        >
          <option value="">{t('agenda.anyone')}</option>
          <For each={turns}>
            {(turn) => (
              <option value={turn}>
                {turnLabel(turn)}（{props.turnTotals[turn]}）
              </option>
            )}
          </For>
        </select>
      </div>
    </div>
  );
}
