import { type Accessor, createMemo } from 'solid-js';
import type { EventFields, EventType } from '../../shared/events/index.ts';
import {
  type CareRow,
  type CareState,
  CompoundFold,
  careTurns,
  type HouseholdState,
} from '../../shared/folds/index.ts';
import { isCommittee } from '../../shared/roles.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { newId } from '../sync/ids.ts';
import { now } from './clock.ts';
import { useSession } from './session.ts';
import { useMembers } from './useMembers.ts';

export type { CareRow, HouseholdState };
export type HouseholdFields = EventFields<'care.household.registered'>;

const makeCareFold = () => new CompoundFold();

/**
 * The care list from the committee document, or undefined on a resident's phone: it never opens
 * that document, so nothing of it is fetched or stored there.
 */
export function useCare(): Accessor<CareState | undefined> {
  const session = useSession();
  if (!isCommittee(session.member)) return () => undefined;
  const state = createFoldState(() => session.doc('committee').events(), makeCareFold, { keepWithDocument: true });
  return () => state().care;
}

/** True once the committee document has loaded from this phone's copy (or the relay). */
export function useCareLoaded(): Accessor<boolean> {
  const session = useSession();
  return () => isCommittee(session.member) && session.doc('committee').loaded();
}

/** Overdue care visits waiting on this member (theirs, and the ones nobody on the committee holds). */
export function useCareTurns(): Accessor<CareRow[]> {
  const session = useSession();
  const care = useCare();
  const members = useMembers();
  return createMemo(() => {
    const c = care();
    if (!c) return [];
    const byId = members().byId;
    const canVisit = (id: string) => {
      const m = byId.get(id);
      return m !== undefined && m.revokedAt === null && isCommittee(m);
    };
    return careTurns(c, now(), session.member.memberId, canVisit);
  });
}

function appendCommittee<T extends EventType>(session: CompoundSession, type: T, fields: EventFields<T>): string {
  const event = checkEvent(
    { id: newId(), type, at: session.doc('committee').stamp(), by: session.member.memberId, ...fields },
    session.member,
    'committee',
  );
  session.doc('committee').append([event]);
  return event.id;
}

/** Puts a household on the care list (works offline); its id is the event's. */
export function registerHousehold(session: CompoundSession, fields: HouseholdFields): string {
  return appendCommittee(session, 'care.household.registered', fields);
}

/** Logs a visit with its note; a concern, when there is one, is followed up. */
export function logVisit(session: CompoundSession, householdId: string, note: string, concern?: string): void {
  const needs = concern?.trim();
  appendCommittee(session, 'care.visit.logged', { householdId, note: note.trim(), ...(needs ? { needs } : {}) });
}

/** Hands a household's visits to another committee member, or (none) to the whole committee. */
export function assignVisitor(session: CompoundSession, householdId: string, visitorId: string): void {
  appendCommittee(session, 'care.visitor.assigned', { householdId, ...(visitorId ? { visitorId } : {}) });
}

/** Ends the visits to a household, with the reason. */
export function closeHousehold(session: CompoundSession, householdId: string, reason: string): void {
  appendCommittee(session, 'care.household.closed', { householdId, reason: reason.trim() });
}
