import type { EventOf } from '../events/index.ts';
import type { UnitOwner, unitEvents } from '../events/unit.ts';
import type { FoldModule } from './FoldContext.ts';
import { isNewer } from './stamp.ts';

/** A unit of the register (committee document): where it is, its exclusive area and its owners. */
export interface UnitState {
  /** The address as one string (see unitKey); the same address is the same unit. */
  id: string;
  building: string;
  unit: string | null;
  room: string;
  /** Exclusive area in hundredths of m². */
  area: number;
  owners: UnitOwner[];
  /** The registration that says this, and when and by whom it was written. */
  eventId: string;
  at: number;
  by: string;
}

/** What the fold keeps per address: the latest word on it, which may be its removal. */
export interface UnitDraft extends UnitState {
  removed: boolean;
}

export interface UnitsState {
  units: Record<string, UnitState>;
}

type UnitEvent = EventOf<(typeof unitEvents)[number]['entries']['type']['literal']>;

/** The register's id of an address: building, unit and room, trimmed. */
export function unitKey(address: { building: string; unit?: string | null; room: string }): string {
  return JSON.stringify([address.building.trim(), address.unit?.trim() ?? '', address.room.trim()]);
}

const key = (e: UnitEvent) => `unit:${unitKey(e)}`;

/**
 * Folds `unit.*` events of the committee document. The latest event on an address wins, whatever
 * its place in the log: two committee members importing offline end with the same register.
 */
export const unitsModule: FoldModule<UnitEvent> = {
  keys: (e) => [key(e)],
  apply(ctx, e) {
    const held = ctx.get<UnitDraft>(key(e));
    if (!isNewer(e.at, e.id, held)) return undefined;
    ctx.put(key(e), {
      id: unitKey(e),
      building: e.building.trim(),
      unit: e.unit?.trim() || null,
      room: e.room.trim(),
      area: e.type === 'unit.registered' ? e.area : 0,
      owners: e.type === 'unit.registered' ? e.owners : [],
      eventId: e.id,
      at: e.at,
      by: e.by,
      removed: e.type === 'unit.removed',
    } satisfies UnitDraft);
    return undefined;
  },
};
