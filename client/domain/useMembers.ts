import { type Accessor, createMemo } from 'solid-js';
import { CompoundFold, type MemberState } from '../../shared/folds/index.ts';
import { copyContainers, createFoldProjection } from '../reactive/createFoldProjection.ts';
import { useSession } from './session.ts';

export type MemberView = MemberState;

export interface Members {
  active: MemberView[];
  revoked: MemberView[];
  byId: Map<string, MemberView>;
}

export const makeMembersFold = () => new CompoundFold();

/**
 * For a store over a CompoundFold: fresh state, module and record objects, entities kept by
 * identity (CompoundFold publishes changed ones as new objects).
 */
const compoundCopy = copyContainers(3);

/** Who belongs, from the server-written `members` log (readable offline like any document). */
export function useMembers(): Accessor<Members> {
  const session = useSession();
  const state = createFoldProjection(() => session.doc('members').events(), makeMembersFold, { copy: compoundCopy });
  return createMemo(() => {
    const all = Object.values(state().members).sort((a, b) => a.joinedAt - b.joinedAt);
    return {
      active: all.filter((m) => m.revokedAt === null),
      revoked: all.filter((m) => m.revokedAt !== null),
      byId: new Map(all.map((m) => [m.memberId, m])),
    };
  });
}
