import { type Accessor, createMemo } from 'solid-js';
import type { AwardSuggestion, Overdraft, PointsAccount, PointsState } from '../../shared/folds/index.ts';
import { awardSuggestions, overdrafts } from '../../shared/folds/pointsQueries.ts';
import { useSession } from './session.ts';
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

/** Awards waiting for a committee member's tap: finished duty shifts under the duty-hour rule. */
export function useAwardSuggestions(): Accessor<AwardSuggestion[]> {
  const view = usePublicView();
  return createMemo(() => awardSuggestions(view().compound.points, view().compound.rosters));
}

/** Redemptions two offline counters both allowed, for the committee to settle. */
export function useOverdrafts(): Accessor<Overdraft[]> {
  const points = usePoints();
  return createMemo(() => overdrafts(points()));
}
