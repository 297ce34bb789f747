import { type Accessor, createMemo } from 'solid-js';
import type { AwardSuggestion, Overdraft, PointsAccount, PointsState, ScannedTwice } from '../../shared/folds/index.ts';
import { awardSuggestions, meetingsToAward, overdrafts, scannedTwice } from '../../shared/folds/pointsQueries.ts';
import { acceptedSnapReports } from '../../shared/folds/snapQueries.ts';
import { shanghaiDay } from '../../shared/time.ts';
import { now } from './clock.ts';
import { useSession } from './session.ts';
import { useMeetingMinutes } from './useMeetingMinutes.ts';
import { usePublicView } from './usePublicView.ts';

/** Rules, accounts and goods of the open compound, folded from its public log. */
export function usePoints(): Accessor<PointsState> {
  const view = usePublicView();
  return () => view().compound.points;
}

/** A member's account (this member's unless another is named); undefined before any points. */
export function useAccount(memberId?: () => string): Accessor<PointsAccount | undefined> {
  const session = useSession();
  const points = usePoints();
  return () => points().accounts[memberId?.() ?? session.member.memberId];
}

/**
 * Awards waiting for a committee member's tap: finished duty shifts under the duty-hour rule, and
 * members at recent meetings (read from their minutes) under the meeting rule, and accepted snap
 * reports under the snap-report rule.
 */
export function useAwardSuggestions(): Accessor<AwardSuggestion[]> {
  const view = usePublicView();
  const meetingIds = createMemo(
    () => meetingsToAward(view().compound.points, view().compound.meetings.meetings, now()),
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) },
  );
  const minutes = useMeetingMinutes(meetingIds);
  return createMemo(() => {
    const { points, rosters, meetings } = view().compound;
    const attendance = minutes().map((m) => ({
      meetingId: m.meetingId,
      day: shanghaiDay(meetings.meetings[m.meetingId]?.startsAt ?? 0),
      memberIds: m.state().attendees.flatMap((a) => ('memberId' in a ? [a.memberId] : [])),
    }));
    return awardSuggestions(points, rosters, attendance, acceptedSnapReports(view().compound));
  });
}

/** Redemptions two offline counters both allowed, for the committee to settle. */
export function useOverdrafts(): Accessor<Overdraft[]> {
  const points = usePoints();
  return createMemo(() => overdrafts(points()));
}

/** Codes scanned at two counters in the last 30 days, for the committee to count the shelf. */
export function useScannedTwice(): Accessor<ScannedTwice[]> {
  const points = usePoints();
  return createMemo(() => scannedTwice(points(), now()));
}
