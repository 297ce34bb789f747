import { createMemo, Show } from 'solid-js';
import { formatDateTime, shanghaiDay, shanghaiDayStart } from '../../../../shared/time.ts';
import { now } from '../../../domain/clock.ts';
import { usePublicView } from '../../../domain/usePublicView.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { IconCheck } from '../../../ui/icons.tsx';

/**
 * "For the next meeting": ticked, the request is also a topic of the chosen upcoming meeting (the
 * next one unless another is picked). Not shown when no meeting is coming up.
 */
export function NextMeetingChoice(props: {
  value: string | undefined;
  onChange: (meetingId: string | undefined) => void;
}) {
  const view = usePublicView();
  const upcoming = createMemo(() => {
    const todayStart = shanghaiDayStart(shanghaiDay(now()));
    return Object.values(view().compound.meetings.meetings)
      .filter((m) => m.status === 'scheduled' && m.startsAt >= todayStart)
      .sort((a, b) => a.startsAt - b.startsAt);
  });
  const label = (m: ReturnType<typeof upcoming>[number]) =>
    `${m.title ?? t(`meetingKind.${m.kind}` as MessageKey)} · ${formatDateTime(m.startsAt, intlLocale())}`;
  return (
    <Show when={upcoming().length > 0}>
      <div class="field next-meeting" data-testid="next-meeting">
        <label class="choice-label check-toggle" data-checked={props.value !== undefined}>
          <input
            type="checkbox"
            class="choice-input"
            data-testid="next-meeting-toggle"
            checked={props.value !== undefined}
            onChange={(e) => props.onChange(e.currentTarget.checked ? upcoming()[0]?.meetingId : undefined)}
          />
          <span class="choice-control" aria-hidden="true">
            <Show when={props.value !== undefined}>
              <IconCheck size={20} />
            </Show>
          </span>
          <span>{t('agenda.forNextMeeting')}</span>
        </label>
        <Show when={props.value !== undefined && upcoming().length > 1}>
          <ChoiceGroup
            label={t('agenda.forWhichMeeting')}
            name="meeting"
            layout="rows"
            options={upcoming().map((m) => ({ value: m.meetingId, label: label(m) }))}
            value={props.value}
            onChange={props.onChange}
            testId="next-meeting-choices"
          />
        </Show>
        <Show when={props.value !== undefined && upcoming().length === 1 && upcoming()[0]}>
          {(m) => <p class="field-hint">{label(m())}</p>}
        </Show>
      </div>
    </Show>
  );
}
