import { type Accessor, createMemo, mapArray, onCleanup } from 'solid-js';
import type { ActionItem, MinutesState } from '../../shared/folds/foldMinutes.ts';
import type { MeetingState, RequestState } from '../../shared/folds/index.ts';
import { type ActionTodo, openActionItems, ownsAction } from '../../shared/folds/minutesQueries.ts';
import { minutesDocName } from '../../shared/rooms.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import { makeMinutesFold } from './MinutesFold.ts';
import { type MinutesActions, makeMinutesActions } from './minutesActions.ts';
import { useSession } from './session.ts';
import { usePublicView } from './usePublicView.ts';

export interface MeetingMinutes {
  meetingId: string;
  state: Accessor<MinutesState>;
  /** Whether the phone's copy has been read (before, `state` is empty). */
  loaded: Accessor<boolean>;
  actions: MinutesActions;
}

/** The minutes of some meetings, each document held open while the caller's page is shown. */
export function useMeetingMinutes(meetingIds: Accessor<readonly string[]>): Accessor<MeetingMinutes[]> {
  const session = useSession();
  return mapArray(meetingIds, (meetingId) => {
    const held = session.hold(minutesDocName(meetingId));
    onCleanup(held.release);
    const state = createFoldState(() => held.handle.events(), makeMinutesFold);
    return { meetingId, state, loaded: held.handle.loaded, actions: makeMinutesActions(session, held.handle) };
  });
}

/** How far back the whose-turn list looks for action items: a quarter, the three-party cadence. */
const ACTION_WINDOW_MS = 92 * 86_400_000;
/** At most this many meetings' minutes are held open for it (each is a connection to the relay). */
const ACTION_MEETINGS = 8;
/** A meeting later today may already have its items written down (the committee prepares them). */
const HELD_SOON_MS = 86_400_000;

/** Meetings whose minutes may hold open action items: held, not cancelled, in the window, latest first. */
export function recentMeetingIds(meetings: Readonly<Record<string, MeetingState>>, now: number): string[] {
  return Object.values(meetings)
    .filter((m) => m.status === 'scheduled' && m.startsAt <= now + HELD_SOON_MS && m.startsAt > now - ACTION_WINDOW_MS)
    .sort((a, b) => b.startsAt - a.startsAt)
    .slice(0, ACTION_MEETINGS)
    .map((m) => m.meetingId);
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The minutes of the recent meetings (`recentMeetingIds`), held open while the caller's page is shown. */
export function useRecentMinutes(now: Accessor<number>): Accessor<MeetingMinutes[]> {
  const view = usePublicView();
  const ids = createMemo(() => recentMeetingIds(view().compound.meetings.meetings, now()), [], { equals: sameIds });
  return useMeetingMinutes(ids);
}

/** An open action item of a recent meeting, with the actions to mark it done. */
export interface MyActionTodo extends ActionTodo {
  actions: MinutesActions;
}

/** The recent meetings' open action items: every one (`open`), and this member's or their party's (`mine`). */
export interface ActionTodos {
  open: Accessor<MyActionTodo[]>;
  mine: Accessor<MyActionTodo[]>;
}

/**
 * Open action items from the recent meetings' minutes, until marked done or their request is
 * completed or ended: all of them (等谁办 lists those tied to no request), and those this member (or
 * their party) owns.
 */
export function useActionTodos(now: Accessor<number>): ActionTodos {
  const session = useSession();
  const view = usePublicView();
  const minutes = useRecentMinutes(now);
  const open = createMemo(() => {
    const byMeeting = new Map(minutes().map((m) => [m.meetingId, m.actions]));
    const todos = openActionItems(
      minutes().map((m) => ({ meetingId: m.meetingId, state: m.state() })),
      view().compound.agenda.requests,
    );
    return todos.flatMap((todo) => {
      const actions = byMeeting.get(todo.meetingId);
      return actions ? [{ ...todo, actions }] : [];
    });
  });
  const mine = createMemo(() => {
    const viewer = { memberId: session.member.memberId, party: session.member.party };
    return open().filter((todo) => ownsAction(todo.item, viewer));
  });
  return { open, mine };
}

/** What a meeting's minutes say about one request: taken up, decided (with tallies), actions. */
export interface RequestMention {
  meetingId: string;
  discussed: boolean;
  decisions: MinutesState['decisions'];
  actions: ActionItem[];
  /** Which of them are marked done, by the item's event id. */
  done: MinutesState['actionsDone'];
  locked: boolean;
}

/**
 * The minutes of the meetings a request was collected for or scheduled onto, as they concern it;
 * their action items are what applyActionItems turns into its assignment.
 */
export function useRequestMinutes(request: Accessor<RequestState | undefined>): Accessor<RequestMention[]> {
  const ids = createMemo(
    () => {
      const r = request();
      return r ? [...new Set([r.meetingId, r.topicFor].filter((x): x is string => !!x))] : [];
    },
    [],
    { equals: sameIds },
  );
  const minutes = useMeetingMinutes(ids);
  return createMemo(() => {
    const id = request()?.id;
    if (!id) return [];
    return minutes().flatMap((m) => {
      const s = m.state();
      const mention: RequestMention = {
        meetingId: m.meetingId,
        discussed: s.items.some((i) => i.requestId === id),
        decisions: s.decisions.filter((d) => d.requestId === id),
        actions: s.actionItems.filter((a) => a.requestId === id),
        done: s.actionsDone,
        locked: s.locked,
      };
      return mention.discussed || mention.decisions.length > 0 || mention.actions.length > 0 ? [mention] : [];
    });
  });
}
