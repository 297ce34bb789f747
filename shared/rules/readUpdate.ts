import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import { finish, STEP, type Steps } from '../steps.ts';
import { type ValuesRead, valuesRead } from '../yjs/readAnyFast.ts';

/** What an item holds; the only kinds an event log or minutes text may contain. */
export type StructContent =
  | { kind: 'any'; values: unknown[] }
  | { kind: 'string'; text: string }
  | { kind: 'deleted'; len: number };

/** One struct as Y.applyUpdate reads it, before it looks at the document. */
export interface UpdateStruct {
  client: number;
  clock: number;
  length: number;
  /** `gc`: garbage-collected content; `skip`: a hole the update does not fill (Yjs ignores it). */
  kind: 'item' | 'gc' | 'skip';
  origin: Y.ID | null;
  rightOrigin: Y.ID | null;
  /** The root type an item names when it has no origins (Yjs derives the parent from them otherwise). */
  parentKey: string | null;
  /** Undefined for GC and skip structs. */
  content: StructContent | undefined;
}

/** The structs of one client: `structs[first..end)`, clocks contiguous from the first. */
export interface ClientRun {
  first: number;
  end: number;
}

export interface UpdateParts {
  structs: UpdateStruct[];
  runs: Map<number, ClientRun>;
  /** Delete ranges `[clock, len]` per client, sorted and apart, each at least one long. */
  deletes: Map<number, [number, number][]>;
  /** Every JSON value read, by its offset in the update (Yjs may take them instead of reading again). */
  values: ValuesRead;
}

/** Clocks beyond this cannot come from people typing; they would only lose precision. */
export const maxClock = 2 ** 32;

const contentNames: Record<number, string> = {
  2: 'ContentJSON',
  3: 'ContentBinary',
  5: 'ContentEmbed',
  6: 'ContentFormat',
  7: 'ContentType',
  9: 'ContentDoc',
};

const malformed = (detail: string) => new RuleError(RejectReason.Malformed, detail);

/**
 * Reads a Yjs (v1) update the way Y.applyUpdate reads it, without a document, and stops as soon as
 * it holds more than `maxParts` structs and delete ranges. It refuses what no Y.Doc writes and the
 * relay never accepts: a client in two groups (Yjs would keep only the last), empty structs, clocks
 * past `maxClock`, map entries, nested types, content other than JSON values or text, and delete
 * ranges that overlap or go backwards. Throws a RuleError; what needs the document is the caller's.
 */
export function readUpdate(update: Uint8Array, maxParts: number): UpdateParts {
  return finish(readUpdateSteps(update, maxParts));
}

/** readUpdate in steps of a few hundred values or structs. */
export function* readUpdateSteps(update: Uint8Array, maxParts: number): Steps<UpdateParts> {
  const decoder = new Y.UpdateDecoderV1(decoding.createDecoder(update));
  const rest = decoder.restDecoder;
  const structs: UpdateStruct[] = [];
  const runs = new Map<number, ClientRun>();
  const values = valuesRead();
  let budget = maxParts;
  /** Structs and values read so far, for the steps. */
  let work = 0;
  const spend = (n: number) => {
    budget -= n;
    if (budget < 0) throw new RuleError(RejectReason.TooLarge, `more than ${maxParts} structs and delete ranges`);
  };
  // Headers of empty groups cost a read each, too.
  const headers = (n: number) => {
    if (n > maxParts) throw new RuleError(RejectReason.TooLarge, `${n} clients in one update`);
  };

  // Refusals of what is inside wait until the whole update has been read: one Yjs cannot read is malformed.
  let refusal: RuleError | undefined;
  const refuse = (e: RuleError) => {
    refusal ??= e;
  };

  const groups = decoding.readVarUint(rest);
  headers(groups);
  for (let g = 0; g < groups; g++) {
    const count = decoding.readVarUint(rest);
    spend(count);
    const client = decoder.readClient();
    let clock = decoding.readVarUint(rest);
    if (runs.has(client)) throw malformed(`client ${client} written twice`);
    runs.set(client, { first: structs.length, end: structs.length + count });
    for (let i = 0; i < count; i++) {
      if (++work % STEP === 0) yield;
      const s = readStruct(decoder, client, clock, refuse);
      if (s.content?.kind === 'any') {
        // JSON content (ContentAny) is read here, a step every few hundred values: one item may hold a whole backlog.
        const read = s.content.values;
        for (let v = 0; v < read.length; v++) {
          if (++work % STEP === 0) yield;
          const start = rest.pos;
          const value = decoder.readAny();
          if (hasProtoKey(value))
            refuse(new RuleError(RejectReason.BadContent, `a "__proto__" key in a value at ${client}:${clock}`));
          read[v] = value;
          values.starts.push(start);
          values.ends.push(rest.pos);
          values.values.push(value);
        }
      }
      if (s.length <= 0) throw malformed(`empty struct at ${client}:${clock}`);
      clock += s.length;
      if (clock > maxClock) throw malformed(`clock past ${maxClock} at ${client}`);
      structs.push(s);
    }
  }

  const deletes = new Map<number, [number, number][]>();
  let rangesRead = 0;
  const clients = decoding.readVarUint(rest);
  headers(clients);
  for (let c = 0; c < clients; c++) {
    decoder.resetDsCurVal();
    const client = decoding.readVarUint(rest);
    const count = decoding.readVarUint(rest);
    spend(count);
    const ranges = deletes.get(client) ?? [];
    deletes.set(client, ranges);
    for (let i = 0; i < count; i++) {
      if (++rangesRead % (8 * STEP) === 0) yield;
      const clock = decoder.readDsClock();
      const len = decoder.readDsLen();
      const last = ranges[ranges.length - 1];
      if (len <= 0) throw malformed(`empty delete range at ${client}:${clock}`);
      if (clock + len > maxClock) throw malformed(`delete past clock ${maxClock}`);
      // Yjs walks each range on its own: overlapping ranges would cost it once per range.
      if (last && clock < last[0] + last[1]) throw malformed(`delete ranges of ${client} overlap or go backwards`);
      ranges.push([clock, len]);
    }
  }
  if (refusal) throw refusal;
  return { structs, runs, deletes, values };
}

/** One struct; JSON content comes back with room for its values, which the caller reads. */
function readStruct(
  decoder: Y.UpdateDecoderV1,
  client: number,
  clock: number,
  refuse: (e: RuleError) => void,
): UpdateStruct {
  const info = decoder.readInfo();
  const ref = info & 0b11111;
  if (ref === 0 || ref === 10) {
    // A Y.Doc writes these infos bare.
    if (info !== ref) throw malformed(`struct info ${info} at ${client}:${clock}`);
    const length = ref === 0 ? decoder.readLen() : decoding.readVarUint(decoder.restDecoder);
    const kind = ref === 0 ? 'gc' : 'skip';
    return { client, clock, length, kind, origin: null, rightOrigin: null, parentKey: null, content: undefined };
  }
  const origin = info & 0x80 ? decoder.readLeftID() : null;
  const rightOrigin = info & 0x40 ? decoder.readRightID() : null;
  let parentKey: string | null = null;
  if (origin === null && rightOrigin === null) {
    if (decoder.readParentInfo()) parentKey = decoder.readString();
    else {
      decoder.readLeftID();
      refuse(new RuleError(RejectReason.NestedType, 'nested types are not allowed'));
    }
    if (info & 0x20) decoder.readString();
  }
  // Yjs sets this bit for every map entry, with or without origins.
  if (info & 0x20) refuse(new RuleError(RejectReason.MapWrite, 'map entries are not allowed'));
  const content = readContent(decoder, ref);
  let length = 1;
  if (content === undefined)
    refuse(new RuleError(RejectReason.BadContent, `${contentNames[ref]} at ${client}:${clock}`));
  else if (content.kind === 'any') length = content.values.length;
  else if (content.kind === 'string') length = content.text.length;
  else length = content.len;
  return { client, clock, length, kind: 'item', origin, rightOrigin, parentKey, content };
}

/** Reads item content with Yjs' own field readers; undefined for kinds the relay never accepts. */
function readContent(decoder: Y.UpdateDecoderV1, ref: number): StructContent | undefined {
  switch (ref) {
    case 1:
      return { kind: 'deleted', len: decoder.readLen() };
    case 4:
      return { kind: 'string', text: decoder.readString() };
    case 8: {
      const n = decoder.readLen();
      // Every value takes at least a byte.
      if (n > decoder.restDecoder.arr.length - decoder.restDecoder.pos) throw malformed(`${n} values in too few bytes`);
      return { kind: 'any', values: new Array(n) };
    }
    case 2:
      readMany(decoder, () => {
        const s = decoder.readString();
        return s === 'undefined' ? undefined : JSON.parse(s);
      });
      return undefined;
    case 3:
      decoder.readBuf();
      return undefined;
    case 5:
      decoder.readJSON();
      return undefined;
    case 6:
      decoder.readKey();
      decoder.readJSON();
      return undefined;
    case 7: {
      const type = decoder.readTypeRef();
      if (type > 6) throw malformed(`unknown type ${type}`);
      // Y.XmlElement and Y.XmlHook carry a name.
      if (type === 3 || type === 5) decoder.readKey();
      return undefined;
    }
    case 9:
      decoder.readString();
      decoder.readAny();
      return undefined;
    default:
      throw malformed(`unknown content ${ref}`);
  }
}

function readMany<T>(decoder: Y.UpdateDecoderV1, read: () => T): T[] {
  const n = decoder.readLen();
  const values: T[] = [];
  for (let i = 0; i < n; i++) values.push(read());
  return values;
}

/**
 * True if an object in a JSON value was read with a `__proto__` key. Decoding assigns keys, so that
 * key sets the object's prototype instead of a field: the rules and the fold would read the fields
 * it holds through the prototype, and every re-encoding (a sync, a merge, a compaction) drops them,
 * so phones that got the bytes and phones that got a merge would hold different events.
 */
export function hasProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasProtoKey(item)) return true;
    return false;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return true;
  for (const key in value) if (hasProtoKey((value as Record<string, unknown>)[key])) return true;
  return false;
}
