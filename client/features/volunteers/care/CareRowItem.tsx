import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { CareRow } from '../../../domain/useCare.ts';
import { t } from '../../../i18n/index.ts';
import { IconAlert, IconClock } from '../../../ui/icons.tsx';
import { cadenceLabel, dueText, reasonLabel } from './careText.ts';

/** One household on the care list: who, where, why, how often, who visits, and where its visits stand. */
export function CareRowItem(props: { row: CareRow; href: string; nameOf: (id: string) => string }) {
  const h = () => props.row.household;
  const where = () => [h().building, h().unit].filter(Boolean).join(' ');
  return (
    <li>
      <A
        href={props.href}
        class="row row-link care-row"
        classList={{ 'care-overdue': props.row.status.overdue }}
        data-testid="care-item"
        data-household={h().id}
        data-overdue={props.row.status.overdue ? 'yes' : 'no'}
      >
        <span class="row-main">
          <span class="row-title">
            {h().label} · {where()}
          </span>
          <span class="row-sub">
            {reasonLabel(h().reasonCategory)} · {cadenceLabel(h().cadence)} ·{' '}
            {h().visitorId ? t('care.visitorIs', { name: props.nameOf(h().visitorId ?? '') }) : t('care.noVisitor')}
          </span>
          <span class="care-due with-icon" data-testid="care-due">
            <Show when={props.row.status.overdue} fallback={<IconClock size={22} />}>
              <IconAlert size={22} />
            </Show>
            {dueText(props.row)}
          </span>
          <Show when={props.row.lastVisit?.needs}>
            <span class="care-concern" data-testid="care-concern">
              {t('care.concernShort', { text: props.row.lastVisit?.needs ?? '' })}
            </span>
          </Show>
        </span>
      </A>
    </li>
  );
}
