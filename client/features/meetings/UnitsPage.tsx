import { createMemo, For, Show } from 'solid-js';
import { formatArea } from '../../../shared/area.ts';
import { ownerGroups } from '../../../shared/folds/assemblyQuorum.ts';
import { useUnitRegister } from '../../domain/unitRegister.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { UnitImport } from './UnitImport.tsx';
import './meetings.css';

/** The unit register the owners' assembly counts against (committee only): its totals, an import, and the units. */
export default function UnitsPage() {
  const { path } = usePage();
  const register = useUnitRegister();
  const members = useMembers();
  const totalArea = createMemo(() => register().units.reduce((sum, u) => sum + u.area, 0));
  const owners = createMemo(() => ownerGroups(register().units, (id) => members().byId.get(id)?.name).length);
  const ownerName = (o: { memberId: string } | { name: string }) =>
    'memberId' in o ? (members().byId.get(o.memberId)?.name ?? t('agenda.unknownMember')) : o.name;
  return (
    <>
      <PageHeader title={t('units.title')} back={path('meetings')} />
      <Show when={register().readable} fallback={<p class="empty">{t('minutes.registerCommitteeOnly')}</p>}>
        <p class="lead" data-testid="units-summary">
          {t('units.summary', { units: register().units.length, area: formatArea(totalArea()), owners: owners() })}
        </p>
        <UnitImport current={register().units} />
        <section class="section" aria-labelledby="units-list-heading">
          <h2 id="units-list-heading">{t('units.list')}</h2>
          <Show when={register().units.length > 0} fallback={<p class="empty">{t('minutes.registerEmpty')}</p>}>
            <ul class="rows" data-testid="units-list">
              <For each={register().units}>
                {(u) => (
                  <li class="row" data-testid="unit">
                    <span class="row-main">
                      <span class="row-title">
                        {[u.building, u.unit, u.room].filter(Boolean).join(' ')}
                        {' · '}
                        {t('units.area', { area: formatArea(u.area) })}
                      </span>
                      <span class="row-sub">{u.owners.map(ownerName).join(t('minutes.listSeparator'))}</span>
                    </span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
    </>
  );
}
