import { For, Show } from 'solid-js';
import type { Tally } from '../../../shared/events/envelope.ts';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import { decisionCounts } from '../../../shared/folds/minutesQueries.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { assemblyResultText } from './assemblyResultText.ts';

export const tallyText = (tally: Tally) =>
  t('minutes.tally', { for: tally.for, against: tally.against, abstain: tally.abstain });

export { decisionCounts };

/** Decisions recorded at the meeting, with their tallies; two on one request are marked for people to settle. */
export function DecisionList(props: {
  state: MinutesState;
  titleOf: (requestId: string) => string;
  nameOf: (memberId: string) => string;
}) {
  const counts = () => decisionCounts(props.state);
  return (
    <Show when={props.state.decisions.length > 0} fallback={<p class="muted">{t('minutes.noDecisions')}</p>}>
      <ol class="minutes-entries">
        <For each={props.state.decisions}>
          {(d) => {
            const conflict = () => (d.requestId ? (counts().get(d.requestId) ?? 0) : 0) > 1;
            return (
              <li class="minutes-entry" data-testid="decision" data-conflict={conflict()}>
                <Show when={d.requestId}>{(id) => <p class="minutes-entry-about">{props.titleOf(id())}</p>}</Show>
                <p class="minutes-entry-text">{d.text}</p>
                <Show when={d.assembly}>
                  {(a) => (
                    <p class="minutes-tally" data-testid="decision-assembly">
                      {t('minutes.assemblyDecision', {
                        matter: t(`minutes.assemblyMatterShort.${a().matter}` as MessageKey),
                        result: assemblyResultText(a()),
                      })}
                    </p>
                  )}
                </Show>
                <Show when={d.tally}>{(tally) => <p class="minutes-tally">{tallyText(tally())}</p>}</Show>
                <p class="muted">{t('minutes.recordedBy', { name: props.nameOf(d.by) })}</p>
                <Show when={conflict()}>
                  <p class="minutes-conflict" data-testid="decision-conflict">
                    {t('minutes.decisionConflict', { n: counts().get(d.requestId ?? '') ?? 0 })}
                  </p>
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
    </Show>
  );
}
