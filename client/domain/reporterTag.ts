import { createMemo } from 'solid-js';
import type { ProfileTag } from '../../shared/events/practice.ts';
import { type ProfileState, type ReporterKind, reporterKind } from '../../shared/folds/index.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { appendPublic } from './appendPublic.ts';
import { useSession } from './session.ts';
import { usePublicView } from './usePublicView.ts';

const reporterTags: readonly ProfileTag[] = ['grid-worker', 'delivery-rider'];

/** This member's reporter kind (网格员, 快递/外卖小哥 or resident) and profile, as this phone holds them. */
export function useMyReporter() {
  const session = useSession();
  const view = usePublicView();
  return createMemo(() => {
    const me = session.member.memberId;
    return { kind: reporterKind(view().compound, me), profile: view().compound.practice.profiles[me] ?? null };
  });
}

/**
 * Sets a member's reporter kind by registering their profile again with everything else kept:
 * a member sets their own, the committee anyone's (the relay's rule).
 */
export function setReporterKind(
  session: CompoundSession,
  memberId: string,
  held: ProfileState | null,
  kind: ReporterKind,
): void {
  const others = (held?.tags ?? []).filter((tag) => !reporterTags.includes(tag));
  appendPublic(session, 'practice.profile.registered', {
    memberId,
    ...(held?.building ? { building: held.building } : {}),
    ...(held?.unit ? { unit: held.unit } : {}),
    ...(held?.microGrid ? { microGrid: held.microGrid } : {}),
    tags: kind === 'resident' ? others : [...others, kind],
  });
}
