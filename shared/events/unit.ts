import * as v from 'valibot';
import { defineEvent, Int, Line, List, MemberId } from './envelope.ts';

/** An owner of a unit: a member of the compound, or a name from the register not (yet) a member. */
export const UnitOwner = v.union([v.strictObject({ memberId: MemberId }), v.strictObject({ name: Line(60) })]);
export type UnitOwner = v.InferOutput<typeof UnitOwner>;

/** Where a unit is: building, unit (entrance, optional) and room; together they name it in the register. */
const address = {
  building: Line(40),
  unit: v.optional(Line(20)),
  room: Line(20),
};

/**
 * A unit of the register kept in the committee document, for the owners' assembly's thresholds.
 * Registering an address again replaces what the register says of it; `area` is the exclusive
 * area in hundredths of m² (85.5 m² is 8550).
 */
export const UnitRegistered = defineEvent('unit.registered', {
  ...address,
  area: Int(1, 100_000_000),
  owners: v.pipe(List(UnitOwner, 20), v.minLength(1)),
});

/** Takes an address off the register. */
export const UnitRemoved = defineEvent('unit.removed', address);

export const unitEvents = [UnitRegistered, UnitRemoved] as const;
