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
import { shanghaiDay } from '../../shared/time.ts';
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

/**
 * Today, as the visit form counts days: the Asia/Shanghai day of the stamp an event written now
 * gets (the relay's time), so a day the form offers is one the relay takes. Follows the clock's tick.
 */
export function useVisitToday(): Accessor<string> {
  const session = useSession();
  return () => {
    now();
    return shanghaiDay(session.doc('committee').stamp());
  };
}

function appendCommittee<T extends EventType>(
  session: CompoundSession,
  type: T,
  fields: EventFields<T>,
  at = session.doc('committee').stamp(),
): string {
  const event = checkEvent(
    { id: newId(), type, at, by: session.member.memberId, ...fields },
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

/**
 * Logs a visit with its note; a concern, when there is one, is followed up. `day` is the visit's
 * day when it was made before today (补记); the event carries it only then.
 */
export function logVisit(
  session: CompoundSession,
  householdId: string,
  note: string,
  concern?: string,
  day?: string,
): void {
  const needs = concern?.trim();
  const at = session.doc('committee').stamp();
  const earlier = day !== undefined && day !== shanghaiDay(at) ? { day } : {};
  appendCommittee(
    session,
    'care.visit.logged',
    { householdId, note: note.trim(), ...(needs ? { needs } : {}), ...earlier },
    at,
  );
}

/** Hands a household's visits to another committee member, or (none) to the whole committee. */
export function assignVisitor(session: CompoundSession, householdId: string, visitorId: string): void {
  appendCommittee(session, 'care.visitor.assigned', { householdId, ...(visitorId ? { visitorId } : {}) });
}

/** Ends the visits to a household, with the reason. */
export function closeHousehold(session: CompoundSession, householdId: string, reason: string): void {
  appendCommittee(session, 'care.household.closed', { householdId, reason: reason.trim() });
}
