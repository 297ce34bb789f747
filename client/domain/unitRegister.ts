import { type Accessor, createMemo } from 'solid-js';
import type { EventFields } from '../../shared/events/index.ts';
import { CompoundFold, type UnitState, unitKey } from '../../shared/folds/index.ts';
import { isCommittee } from '../../shared/roles.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { copyContainers, createFoldProjection } from '../reactive/createFoldProjection.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import { newId } from '../sync/ids.ts';
import { useSession } from './session.ts';

export type { UnitState };
export type UnitFields = EventFields<'unit.registered'>;

export interface UnitRegister {
  /** The units, by building, unit and room. */
  units: UnitState[];
  /** False on a phone that does not hold the committee document (residents). */
  readable: boolean;
}

const makeCommitteeFold = () => new CompoundFold();
const compoundCopy = copyContainers(3);

/** The unit register from the committee document; empty and unreadable for residents. */
export function useUnitRegister(): Accessor<UnitRegister> {
  const session = useSession();
  if (!isCommittee(session.member)) return () => ({ units: [], readable: false });
  const state = createFoldProjection(() => session.doc('committee').events(), makeCommitteeFold, {
    copy: compoundCopy,
  });
  return createMemo(() => ({
    units: Object.values(state().units.units).sort(
      (a, b) =>
        a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) ||
        (a.unit ?? '').localeCompare(b.unit ?? '', 'zh-CN', { numeric: true }) ||
        a.room.localeCompare(b.room, 'zh-CN', { numeric: true }),
    ),
    readable: true,
  }));
}

export interface RegisterChanges {
  /** New or changed addresses, to register. */
  register: UnitFields[];
  /** Addresses on the register the file no longer has. */
  remove: UnitState[];
}

/** What replacing the register with `incoming` changes; unchanged units are left alone. */
export function registerChanges(current: readonly UnitState[], incoming: readonly UnitFields[]): RegisterChanges {
  const held = new Map(current.map((u) => [u.id, u]));
  const kept = new Set(incoming.map((u) => unitKey(u)));
  const register = incoming.filter((u) => {
    const h = held.get(unitKey(u));
    return !h || h.area !== u.area || JSON.stringify(h.owners) !== JSON.stringify(u.owners);
  });
  return { register, remove: current.filter((u) => !kept.has(u.id)) };
}

/** Writes the changes into the committee document, in one transaction (works offline). */
export function saveRegister(session: CompoundSession, changes: RegisterChanges): void {
  const member = session.member;
  const at = session.doc('committee').stamp();
  const event = (type: 'unit.registered' | 'unit.removed', fields: object) =>
    checkEvent({ id: newId(), type, at, by: member.memberId, ...fields }, member, 'committee');
  const events = [
    ...changes.remove.map((u) =>
      event('unit.removed', { building: u.building, ...(u.unit ? { unit: u.unit } : {}), room: u.room }),
    ),
    ...changes.register.map((u) => event('unit.registered', u)),
  ];
  if (events.length) session.doc('committee').append(events);
}
