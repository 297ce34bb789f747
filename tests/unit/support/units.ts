import type { UnitOwner } from '../../../shared/events/unit.ts';
import { type UnitState, unitKey } from '../../../shared/folds/units.ts';

/** Building 1's unit `room` as the register holds it, with its area and owners. */
export const registeredUnit = (room: string, area: number, ...owners: UnitOwner[]): UnitState => ({
  id: unitKey({ building: '1', room }),
  building: '1',
  unit: null,
  room,
  area,
  owners,
  eventId: room,
  at: 0,
  by: 'comm1',
});

/** The register's key of building 1's unit `room`. */
export const unitKeyOf = (room: string) => unitKey({ building: '1', room });
