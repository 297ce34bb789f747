import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { formatArea } from '../../../shared/area.ts';
import type { Attendee } from '../../../shared/events/meeting.ts';
import { assemblyQuorum } from '../../../shared/folds/assemblyQuorum.ts';
import { useUnitRegister } from '../../domain/unitRegister.ts';
import { t } from '../../i18n/index.ts';

/**
 * An owners' assembly's participation against art. 278: area and owners by number, each at least
 * two thirds, counted from the unit register (committee phones only: it is in their document).
 */
export function AssemblyQuorumPanel(props: {
  attendees: readonly Attendee[];
  nameOf: (memberId: string) => string | undefined;
  registerHref: string;
}) {
  const register = useUnitRegister();
  const quorum = createMemo(() =>
    register().readable ? assemblyQuorum(register().units, props.attendees, props.nameOf) : undefined,
  );
  const met = (ok: boolean) => (ok ? t('minutes.thresholdMet') : t('minutes.thresholdNotMet'));
  return (
    <div class="minutes-assembly" data-testid="assembly-quorum">
      <Show when={quorum()} fallback={<p class="muted">{t('minutes.registerCommitteeOnly')}</p>}>
        {(q) => (
          <Show
            when={q().totalOwners > 0}
            fallback={
              <p class="minutes-quorum" role="status">
                {t('minutes.registerEmpty')} <A href={props.registerHref}>{t('units.title')}</A>
              </p>
            }
          >
            <p class="minutes-quorum" role="status" data-testid="assembly-met" data-complete={q().met}>
              {q().met ? t('minutes.assemblyMet') : t('minutes.assemblyNotMet')}
            </p>
            <ul class="rows">
              <li class="row" data-testid="assembly-area" data-met={q().areaMet}>
                <span class="row-main">
                  <span class="row-title">
                    {t('minutes.assemblyArea', {
                      present: formatArea(q().presentArea),
                      total: formatArea(q().totalArea),
                    })}
                  </span>
                  <span class="row-sub">{met(q().areaMet)}</span>
                </span>
              </li>
              <li class="row" data-testid="assembly-owners" data-met={q().ownersMet}>
                <span class="row-main">
                  <span class="row-title">
                    {t('minutes.assemblyOwners', { present: q().presentOwners, total: q().totalOwners })}
                  </span>
                  <span class="row-sub">{met(q().ownersMet)}</span>
                </span>
              </li>
            </ul>
            <p class="field-hint">
              {t('minutes.assemblyRule')} <A href={props.registerHref}>{t('units.title')}</A>
            </p>
          </Show>
        )}
      </Show>
    </div>
  );
}
