import { type Accessor, createMemo, mapArray, onCleanup } from 'solid-js';
import type { ActionItem, MinutesState } from '../../shared/folds/foldMinutes.ts';
import type { RequestState } from '../../shared/folds/index.ts';
import { minutesDocName } from '../../shared/rooms.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import { makeMinutesFold } from './MinutesFold.ts';
import { useSession } from './session.ts';

export interface MeetingMinutes {
  meetingId: string;
  state: Accessor<MinutesState>;
}

/** The minutes of some meetings, each document held open while the caller's page is shown. */
export function useMeetingMinutes(meetingIds: Accessor<readonly string[]>): Accessor<MeetingMinutes[]> {
  const session = useSession();
  return mapArray(meetingIds, (meetingId) => {
    const held = session.hold(minutesDocName(meetingId));
    onCleanup(held.release);
    const state = createFoldState(() => held.handle.events(), makeMinutesFold);
    return { meetingId, state };
  });
}

/** What a meeting's minutes say about one request: taken up, decided (with tallies), actions. */
export interface RequestMention {
  meetingId: string;
  discussed: boolean;
  decisions: MinutesState['decisions'];
  actions: ActionItem[];
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
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) },
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
        locked: s.locked,
      };
      return mention.discussed || mention.decisions.length > 0 || mention.actions.length > 0 ? [mention] : [];
    });
  });
}
