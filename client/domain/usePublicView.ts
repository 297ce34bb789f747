import { type Accessor, createMemo } from 'solid-js';
import { newestFirst } from '../../shared/folds/agendaList.ts';
import type { RequestState } from '../../shared/folds/index.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import { makePublicFold, type PublicView } from './PublicFold.ts';
import { useSession } from './session.ts';

/** The open compound's public log folded; one fold per document, shared by every page that reads it. */
export function usePublicView(): Accessor<PublicView> {
  const session = useSession();
  return createFoldState(() => session.doc('public').events(), makePublicFold, { keepWithDocument: true });
}

/** Every request, newest raised first (ties by id, so every phone lists them alike). */
export function useRequests(): Accessor<RequestState[]> {
  const view = usePublicView();
  return createMemo(() => newestFirst(Object.values(view().compound.agenda.requests)));
}
