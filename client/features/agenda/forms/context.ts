import type { RequestState } from '../../../../shared/folds/index.ts';
import type { PublicView } from '../../../domain/PublicFold.ts';
import type { CompoundSession } from '../../../domain/session.ts';
import type { MemberView } from '../../../domain/useMembers.ts';

/** What every action form needs: who acts, on what, and how to close the sheet. */
export interface ActionContext {
  session: CompoundSession;
  request: RequestState;
  view: PublicView;
  members: readonly MemberView[];
  /** Today (Asia/Shanghai) by the app's clock, "YYYY-MM-DD". */
  today: string;
  /** The open sheet's visit: its form's draft is kept under it (domain/formDraft.ts). */
  visit: string;
  done: () => void;
}
