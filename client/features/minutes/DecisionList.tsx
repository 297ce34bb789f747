import { createSignal, For, Show } from 'solid-js';
import type { Tally } from '../../../shared/events/envelope.ts';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import type { UpholdReach } from '../../../shared/folds/meetingLoop.ts';
import { decisionCounts, otherUpholdings } from '../../../shared/folds/minutesQueries.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { assemblyResultText } from './assemblyResultText.ts';

export const tallyText = (tally: Tally) =>
  t('minutes.tally', { for: tally.for, against: tally.against, abstain: tally.abstain });

export { decisionCounts };

type Decision = MinutesState['decisions'][number];

/**
 * Decisions recorded at the meeting, with their tallies. Two on one request are marked for people to
 * settle: while the minutes are open the committee taps 以这条为准 on the one that stands (`onUphold`);
 * the others are then struck through as 已被取代.
 */
export function DecisionList(props: {
  state: MinutesState;
  titleOf: (requestId: string) => string;
  nameOf: (memberId: string) => string;
  /** Given while the committee may settle conflicts (the minutes not locked). */
  onUphold?: (decision: Decision) => void;
  upholdReach?: (decision: Decision) => UpholdReach;
}) {
  const counts = () => decisionCounts(props.state);
  const [asking, setAsking] = createSignal<Decision>();
  const uphold = createSubmit(() => {
    const d = asking();
    if (d) props.onUphold?.(d);
  });
  // The committee settles with the button; others read who settles, and after the lock an amendment does.
  const conflictKey = () =>
    props.onUphold
      ? 'minutes.decisionConflict'
      : props.state.locked
        ? 'minutes.decisionConflictLocked'
        : 'minutes.decisionConflictOpen';
  const upholding = (d: Decision) => props.state.upholdings.find((u) => u.decisionId === d.eventId);
  return (
    <Show when={props.state.decisions.length > 0} fallback={<p class="muted">{t('minutes.noDecisions')}</p>}>
      <ol class="minutes-entries">
        <For each={props.state.decisions}>
          {(d) => {
            const conflict = () => !d.supersededBy && (d.requestId ? (counts().get(d.requestId) ?? 0) : 0) > 1;
            const upheld = () => (d.supersededBy ? undefined : upholding(d));
            return (
              <li
                class="minutes-entry"
                data-testid="decision"
                data-id={d.eventId}
                data-conflict={conflict()}
                data-superseded={!!d.supersededBy}
              >
                <Show when={d.requestId}>{(id) => <p class="minutes-entry-about">{props.titleOf(id())}</p>}</Show>
                <p class="minutes-entry-text">
                  <Show when={d.supersededBy} fallback={d.text}>
                    <s>{d.text}</s>
                  </Show>
                </p>
                <Show when={d.supersededBy}>
                  <p class="minutes-superseded strong" data-testid="decision-superseded">
                    {t('minutes.superseded')}
                  </p>
                </Show>
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
                <Show when={upheld()}>
                  {(u) => (
                    <p class="minutes-upheld" data-testid="decision-upheld">
                      {t('minutes.upheldBy', { name: props.nameOf(u().by) })}
                    </p>
                  )}
                </Show>
                <For each={upheld() && d.requestId ? otherUpholdings(props.state, d.requestId) : []}>
                  {(other) => (
                    <p class="minutes-conflict" data-testid="decision-upheld-also">
                      {t('minutes.upheldAlso', { name: props.nameOf(other.by) })}
                    </p>
                  )}
                </For>
                <Show when={conflict()}>
                  <p class="minutes-conflict" data-testid="decision-conflict">
                    {t(conflictKey(), {
                      n: counts().get(d.requestId ?? '') ?? 0,
                    })}
                  </p>
                  <Show when={props.onUphold}>
                    <button
                      type="button"
                      class="btn btn-secondary btn-block minutes-uphold"
                      data-testid="decision-uphold"
                      onClick={() => setAsking(d)}
                    >
                      {t('minutes.uphold')}
                    </button>
                  </Show>
                </Show>
              </li>
            );
          }}
        </For>
      </ol>
      <ConfirmDialog
        open={asking() !== undefined}
        onOpenChange={(open) => {
          if (!open) setAsking(undefined);
        }}
        title={t('minutes.upholdTitle')}
        confirmLabel={t('minutes.uphold')}
        onConfirm={() => uphold.run()}
      >
        <Show when={asking()}>
          {(d) => (
            <>
              <p class="strong">{d().text}</p>
              <p data-testid="uphold-consequence">
                {t('minutes.upholdBody', {
                  title: props.titleOf(d().requestId ?? ''),
                  n: counts().get(d().requestId ?? '') ?? 0,
                })}
              </p>
              <Show when={props.upholdReach?.(d()) === 'request'}>
                <p data-testid="uphold-reaches">{t('minutes.upholdReaches')}</p>
              </Show>
              <Show when={props.upholdReach?.(d()) === 'minutes-only'}>
                <p class="note-warn" data-testid="uphold-minutes-only">
                  {t('minutes.upholdMinutesOnly')}
                </p>
              </Show>
              <Show when={props.upholdReach?.(d()) === 'not-here'}>
                <p class="note-warn" data-testid="uphold-not-here">
                  {t('minutes.upholdNotHere')}
                </p>
              </Show>
              <Show when={props.upholdReach?.(d()) === 'assigned'}>
                <p class="note-warn" data-testid="uphold-assigned">
                  {t('minutes.upholdAssigned')}
                </p>
              </Show>
            </>
          )}
        </Show>
      </ConfirmDialog>
      <FormError error={uphold.error()} />
    </Show>
  );
}
