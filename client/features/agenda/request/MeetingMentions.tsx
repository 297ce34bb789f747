import { For, Show } from 'solid-js';
import { formatDate, formatDay } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import type { PublicView } from '../../../domain/PublicFold.ts';
import type { RequestMention } from '../../../domain/useMeetingMinutes.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { OverdueBadge } from '../../../ui/badges.tsx';
import { ownerLabel } from '../Timeline.tsx';

/**
 * What meetings' minutes say about the request: discussed or decided there, with the tally, and the
 * action items about it (owner, deadline, done or overdue).
 */
export function MeetingMentions(props: {
  mentions: RequestMention[];
  view: PublicView;
  nameOf: (id: string) => string;
}) {
  const meetingLabel = (meetingId: string) => {
    const m = props.view.compound.meetings.meetings[meetingId];
    if (!m) return t('request.someMeeting');
    const name = m.title ?? t(`meetingKind.${m.kind}` as MessageKey);
    return t('request.meetingOn', { name, date: formatDate(m.startsAt, intlLocale()) });
  };
  return (
    <Show when={props.mentions.length > 0}>
      <section class="section" aria-labelledby="mentions-heading" data-testid="meeting-mentions">
        <h2 id="mentions-heading">{t('request.atMeetings')}</h2>
        <For each={props.mentions}>
          {(m) => (
            <div class="note" data-testid="meeting-mention">
              <Show
                when={m.decisions.length > 0}
                fallback={<p class="strong">{t('request.discussedAt', { meeting: meetingLabel(m.meetingId) })}</p>}
              >
                <p class="strong">{t('request.decidedAt', { meeting: meetingLabel(m.meetingId) })}</p>
                <For each={m.decisions}>
                  {(d) => (
                    <p data-testid="meeting-decision" data-superseded={!!d.supersededBy}>
                      <Show when={d.supersededBy} fallback={d.text}>
                        <s>{d.text}</s> <span class="strong">{t('minutes.superseded')}</span>
                      </Show>
                      <Show when={d.tally}>
                        {(x) => (
                          <span class="muted">
                            {' '}
                            {t('minutes.tally', { for: x().for, against: x().against, abstain: x().abstain })}
                          </span>
                        )}
                      </Show>
                    </p>
                  )}
                </For>
                <Show when={m.decisions.filter((d) => !d.supersededBy).length > 1}>
                  <p class="form-error">
                    {t(m.locked ? 'minutes.decisionConflictLocked' : 'request.meetingDecisionConflict', {
                      n: m.decisions.filter((d) => !d.supersededBy).length,
                    })}
                  </p>
                </Show>
              </Show>
              <Show when={m.actions.length > 0}>
                <p class="strong">{t('request.meetingActions', { n: m.actions.length })}</p>
                <ul class="mention-actions">
                  <For each={m.actions}>
                    {(a) => {
                      const done = () => (Object.hasOwn(m.done, a.eventId) ? m.done[a.eventId] : undefined);
                      return (
                        <li data-testid="meeting-action" data-done={done() ? 'true' : 'false'}>
                          <p>{a.text}</p>
                          <p>
                            {t('minutes.actionOwner', {
                              owner: ownerLabel(a.owner, props.nameOf),
                              date: formatDay(a.deadline, intlLocale()),
                            })}
                          </p>
                          <Show
                            when={done()}
                            fallback={
                              <p>
                                <span class="muted">{t('request.meetingActionOpen')}</span>{' '}
                                <OverdueBadge deadline={a.deadline} now={now()} />
                              </p>
                            }
                          >
                            {(d) => (
                              <p class="action-done-mark">
                                {t('minutes.actionDoneBy', {
                                  name: props.nameOf(d().by),
                                  time: formatDate(d().at, intlLocale()),
                                })}
                              </p>
                            )}
                          </Show>
                        </li>
                      );
                    }}
                  </For>
                </ul>
              </Show>
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
