import { type Accessor, createMemo } from 'solid-js';
import { CompoundFold, type MemberState } from '../../../shared/folds/index.ts';
import { createFoldProjection } from '../../reactive/createFoldProjection.ts';
import type { DocHandle } from '../../sync/DocHandle.ts';
import { compoundCopy } from '../agenda/projection.ts';

export type MemberView = MemberState;

export const makeMembersFold = () => new CompoundFold();

/** Who belongs, from the server-written `members` log (readable offline like any document). */
export function createMembers(
  handle: DocHandle,
): Accessor<{ active: MemberView[]; revoked: MemberView[]; byId: Map<string, MemberView> }> {
  const state = createFoldProjection(() => handle.events(), makeMembersFold, { copy: compoundCopy });
  return createMemo(() => {
    const all = Object.values(state().members).sort((a, b) => a.joinedAt - b.joinedAt);
    return {
      active: all.filter((m) => m.revokedAt === null),
      revoked: all.filter((m) => m.revokedAt !== null),
      byId: new Map(all.map((m) => [m.memberId, m])),
    };
  });
}
