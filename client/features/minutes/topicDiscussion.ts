import { type Accessor, createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import type { Minutes } from '../../domain/useMinutes.ts';
import { beforeMeetingDay } from './meetingDay.ts';

/** Where a topic stands at the meeting: the one under discussion (taken up last), one discussed before. */
export type TopicStatus = 'discussing' | 'discussed';

/**
 * The meeting's topics as the chair works through them: which is under discussion, and a decision
 * started from one of them. Shared by the topic list and the decision and action-item forms.
 */
export interface TopicDiscussion {
  /** The committee may take topics up and record decisions (the minutes are not locked). */
  editable: Accessor<boolean>;
  /** ...and the meeting's day has come: the topics' cards offer it then, as sign-in waits for the day. */
  atMeeting: Accessor<boolean>;
  status(requestId: string): TopicStatus | undefined;
  takeUp(requestId: string): void;
  /** Starts a decision about this request: the decision form picks it and comes into view. */
  decide(requestId: string): void;
  /** The request a decision was last started from (a new object each time), until another is taken up. */
  picked: Accessor<{ requestId: string } | undefined>;
  /** What the next decision or action item is most likely about: the one picked, else the one last taken up. */
  focus: Accessor<string>;
}

export function createTopicDiscussion(minutes: Minutes, startsAt: () => number): TopicDiscussion {
  const editable = () => minutes.isCommittee && !minutes.state().locked;
  // Items are in (at, id) order: the last is what the meeting took up last, on any phone.
  const current = createMemo(() => minutes.state().items.at(-1)?.requestId ?? '');
  const [picked, setPicked] = createSignal<{ requestId: string }>();
  // The meeting moved on to another topic (here or on another phone): that one is what comes next.
  createEffect(on(current, () => setPicked(undefined), { defer: true }));
  return {
    editable,
    atMeeting: () => editable() && !beforeMeetingDay(startsAt()),
    status: (requestId) => {
      if (current() === requestId) return 'discussing';
      return minutes.state().items.some((i) => i.requestId === requestId) ? 'discussed' : undefined;
    },
    takeUp: (requestId) => minutes.takeUp(requestId),
    decide: (requestId) => setPicked({ requestId }),
    picked,
    focus: () => picked()?.requestId ?? current(),
  };
}

/**
 * A minutes form's request: the one the member chose in it, else `defaultRequest` (the focus). A
 * decision started from a topic drops the member's choice, so the form takes that topic. While the
 * form holds words (`filled`) it keeps the request it had when they were begun: another phone taking
 * up a topic then must not move a half-typed decision onto another request.
 */
export function createRequestChoice(
  props: { defaultRequest: string; picked?: { requestId: string } | undefined },
  onPicked?: () => void,
  filled: () => boolean = () => false,
): { request: Accessor<string>; choose: (requestId: string) => void } {
  const [chosen, setChosen] = createSignal<string>();
  const [held, setHeld] = createSignal<string>();
  createEffect(
    on(
      () => props.picked,
      (p) => {
        if (!p) return;
        setChosen(undefined);
        setHeld(undefined);
        onPicked?.();
      },
      { defer: true },
    ),
  );
  createEffect(() => {
    if (!filled()) setHeld(undefined);
    else if (held() === undefined) setHeld(untrack(() => props.defaultRequest));
  });
  return { request: () => chosen() ?? held() ?? props.defaultRequest, choose: setChosen };
}
