import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export type Ref = readonly [client: number, clock: number];

export type Content = { any: unknown[] } | { string: string } | { deleted: number };

/** One struct as the Yjs update format (v1) writes it; `parent` is a root key or an item id. */
export type ForgedStruct =
  | { gc: number }
  | { skip: number }
  | { origin?: Ref; rightOrigin?: Ref; parent?: string | Ref; parentSub?: string; content: Content };

/** A run of structs of one client starting at `clock`; a client may appear in several groups. */
export interface ForgedGroup {
  client: number;
  clock: number;
  structs: ForgedStruct[];
}

/** Delete ranges of one client, written in the order given (overlaps and disorder allowed). */
export interface ForgedDeletes {
  client: number;
  ranges: Ref[];
}

const contentRef = (c: Content) => ('any' in c ? 8 : 'string' in c ? 4 : 1);

/**
 * Writes an update struct by struct, with whatever clocks, origins and parents it is given: the
 * updates a hostile member could send, which a Y.Doc would never produce.
 */
export function forgeUpdate(groups: ForgedGroup[], deletes: ForgedDeletes[] = []): Uint8Array {
  const e = new Y.UpdateEncoderV1();
  encoding.writeVarUint(e.restEncoder, groups.length);
  for (const group of groups) {
    encoding.writeVarUint(e.restEncoder, group.structs.length);
    e.writeClient(group.client);
    encoding.writeVarUint(e.restEncoder, group.clock);
    for (const s of group.structs) writeStruct(e, s);
  }
  encoding.writeVarUint(e.restEncoder, deletes.length);
  for (const { client, ranges } of deletes) {
    e.resetDsCurVal();
    encoding.writeVarUint(e.restEncoder, client);
    encoding.writeVarUint(e.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      e.writeDsClock(clock);
      e.writeDsLen(len);
    }
  }
  return e.toUint8Array();
}

function writeStruct(e: Y.UpdateEncoderV1, s: ForgedStruct): void {
  if ('gc' in s) {
    e.writeInfo(0);
    e.writeLen(s.gc);
    return;
  }
  if ('skip' in s) {
    e.writeInfo(10);
    encoding.writeVarUint(e.restEncoder, s.skip);
    return;
  }
  const hasOrigins = s.origin !== undefined || s.rightOrigin !== undefined;
  const info =
    contentRef(s.content) |
    (s.origin ? 0x80 : 0) |
    (s.rightOrigin ? 0x40 : 0) |
    (!hasOrigins && s.parentSub !== undefined ? 0x20 : 0);
  e.writeInfo(info);
  if (s.origin) e.writeLeftID(Y.createID(...s.origin));
  if (s.rightOrigin) e.writeRightID(Y.createID(...s.rightOrigin));
  if (!hasOrigins) {
    const parent = s.parent ?? 'events';
    if (typeof parent === 'string') {
      e.writeParentInfo(true);
      e.writeString(parent);
    } else {
      e.writeParentInfo(false);
      e.writeLeftID(Y.createID(...parent));
    }
    if (s.parentSub !== undefined) e.writeString(s.parentSub);
  }
  const c = s.content;
  if ('any' in c) {
    e.writeLen(c.any.length);
    for (const v of c.any) e.writeAny(v as never);
  } else if ('string' in c) {
    e.writeString(c.string);
  } else {
    e.writeLen(c.deleted);
  }
}
