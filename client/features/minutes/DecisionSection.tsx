import { createMemo, Show } from 'solid-js';
import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { votingOwners } from '../../../shared/folds/assemblyTally.ts';
import { ownsAction } from '../../../shared/folds/minutesQueries.ts';
import { useUnitRegister } from '../../domain/unitRegister.ts';
import type { Minutes } from '../../domain/useMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { t } from '../../i18n/index.ts';
import { ActionItemForm } from './ActionItemForm.tsx';
import { ActionItemList } from './ActionItemList.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionList } from './DecisionList.tsx';
import { DecisionTopics } from './DecisionTopics.tsx';
import { requestChoices } from './requestChoices.ts';
import type { TopicDiscussion } from './topicDiscussion.ts';

/** Beside the notes: requests taken up, decisions with tallies (双过半 at an owners' assembly), action items; add forms until the lock. */
export function DecisionSection(props: {
  minutes: Minutes;
  meetingId: string;
  kind: MeetingKind;
  nameOf: (id: string) => string;
  /** A member's name or undefined, to match owners the register knows by name. */
  memberName: (id: string) => string | undefined;
  discussion: TopicDiscussion;
}) {
  const view = usePublicView();
  const { session } = usePage();
  // Only an owners' assembly counts 双过半, from the register in the committee document.
  const register = props.kind === 'owners-assembly' ? useUnitRegister() : undefined;
  const assembly = createMemo(() => {
    const r = register?.();
    if (!r?.readable) return undefined;
    return { owners: votingOwners(r.units, props.minutes.state().attendees, props.memberName), nameOf: props.nameOf };
  });
  const choices = createMemo(() =>
    requestChoices(
      view(),
      props.meetingId,
      props.minutes.state().items.map((i) => i.requestId),
    ),
  );
  const requestOf = (id: string) => view().compound.agenda.requests[id];
  const titleOf = (id: string) => requestOf(id)?.title ?? t('minutes.unknownRequest');
  const editable = props.discussion.editable;
  // The topic picked or last taken up is what the next decision or action is most likely about.
  const focus = props.discussion.focus;
  return (
    <>
      <DecisionTopics
        minutes={props.minutes}
        choices={choices()}
        requestOf={requestOf}
        titleOf={titleOf}
        editable={editable()}
        order={view().compound.meetings.meetings[props.meetingId]?.topicOrder ?? null}
      />
      <div class="minutes-block" data-testid="decisions">
        <h3>{t('minutes.decisionsHeading', { n: props.minutes.state().decisions.length })}</h3>
        <DecisionList
          state={props.minutes.state()}
          titleOf={titleOf}
          nameOf={props.nameOf}
          onUphold={editable() ? props.minutes.uphold : undefined}
          upholdReach={props.minutes.upholdReach}
        />
        <Show when={editable()}>
          <DecisionForm
            minutes={props.minutes}
            choices={choices()}
            requestOf={requestOf}
            defaultRequest={focus()}
            picked={props.discussion.picked()}
            assembly={assembly()}
          />
        </Show>
      </div>
      <div class="minutes-block" data-testid="actions">
        <h3>{t('minutes.actionsHeading', { n: props.minutes.state().actionItems.length })}</h3>
        <ActionItemList
          items={props.minutes.state().actionItems}
          titleOf={titleOf}
          nameOf={props.nameOf}
          done={props.minutes.state().actionsDone}
          mayMarkDone={(item) => props.minutes.isCommittee || ownsAction(item, session.member)}
          onDone={props.minutes.markDone}
        />
        <Show when={editable()}>
          <ActionItemForm
            minutes={props.minutes}
            choices={choices()}
            requestOf={requestOf}
            defaultRequest={focus()}
            picked={props.discussion.picked()}
          />
        </Show>
      </div>
    </>
  );
}
