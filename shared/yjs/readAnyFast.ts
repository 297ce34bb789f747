import * as decoding from 'lib0/decoding';
import { utf8TextDecoder } from 'lib0/string';
import * as Y from 'yjs';

/** Strings longer than this are rare in event logs and cheap per byte for the native decoder. */
const SHORT = 64;
/** Short ASCII strings kept for reuse, by hash of their bytes (a power of two). */
const SLOTS = 4096;
const seen: (string | undefined)[] = new Array(SLOTS).fill(undefined);
const codes: number[] = [];

/** lib0's readVarString, with short ASCII strings read in place and reused when they repeat. */
function readString(decoder: decoding.Decoder): string {
  const n = decoding.readVarUint(decoder);
  const arr = decoder.arr;
  const start = decoder.pos;
  if (n <= SHORT && start + n <= arr.length) {
    let hash = n;
    let ascii = true;
    for (let i = start; i < start + n; i++) {
      const c = arr[i] as number;
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (ascii) {
      decoder.pos = start + n;
      const slot = hash & (SLOTS - 1);
      const cached = seen[slot];
      if (cached !== undefined && cached.length === n && sameAscii(cached, arr, start)) return cached;
      codes.length = n;
      for (let i = 0; i < n; i++) codes[i] = arr[start + i] as number;
      // ASCII bytes are their own UTF-16 code units.
      const s = String.fromCharCode.apply(null, codes);
      seen[slot] = s;
      return s;
    }
  }
  return (utf8TextDecoder as NonNullable<typeof utf8TextDecoder>).decode(decoding.readUint8Array(decoder, n));
}

function sameAscii(s: string, arr: Uint8Array, start: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== arr[start + i]) return false;
  return true;
}

/**
 * lib0's readAny (what Yjs reads JSON content with), giving the same values: strings, objects
 * and arrays here, every other tag (and anything malformed) to lib0.
 */
export function readAnyFast(decoder: decoding.Decoder): unknown {
  const tag = decoder.arr[decoder.pos];
  if (tag === 119) {
    decoder.pos++;
    return readString(decoder);
  }
  if (tag === 118) {
    decoder.pos++;
    const len = decoding.readVarUint(decoder);
    const obj: Record<string, unknown> = {};
    for (let i = 0; i < len; i++) {
      const key = readString(decoder);
      obj[key] = readAnyFast(decoder);
    }
    return obj;
  }
  if (tag === 117) {
    decoder.pos++;
    const len = decoding.readVarUint(decoder);
    const arr: unknown[] = [];
    for (let i = 0; i < len; i++) arr.push(readAnyFast(decoder));
    return arr;
  }
  return decoding.readAny(decoder);
}

/**
 * Makes Yjs read JSON content (every event of a log) with readAnyFast. lib0 reads each string
 * through its own view of the bytes and one native TextDecoder call; a five-year compound's log
 * holds some 900,000 strings (every object key is one), 95% of them short ASCII, so loading it
 * spent a third of its time there.
 */
export function installReadAnyFast(): void {
  // Without a native decoder lib0 has its own fallback: leave it.
  if (!utf8TextDecoder) return;
  for (const Decoder of [Y.UpdateDecoderV1, Y.UpdateDecoderV2]) {
    Decoder.prototype.readAny = function (this: { restDecoder: decoding.Decoder }) {
      const d = this.restDecoder;
      const i = reused?.bytes === d.arr ? indexOf(reused, d.pos) : -1;
      if (i < 0) return readAnyFast(d);
      const read = (reused as Reused).read;
      d.pos = read.ends[i] as number;
      return read.values[i];
    };
  }
}

/**
 * JSON values already read from an update, in the order they were read (the order of their offsets
 * in the update): where each starts, where the next byte after it is, and the value.
 */
export interface ValuesRead {
  readonly starts: number[];
  readonly ends: number[];
  readonly values: unknown[];
}

export const valuesRead = (): ValuesRead => ({ starts: [], ends: [], values: [] });

interface Reused {
  bytes: Uint8Array;
  read: ValuesRead;
  /** Where the next value Yjs reads is expected: it reads them in the same order. */
  next: number;
}

let reused: Reused | undefined;

/** The index of the value read at `pos`, or -1: the next one in order, else a binary search. */
function indexOf(r: Reused, pos: number): number {
  const { starts } = r.read;
  let i = r.next;
  if (starts[i] !== pos) {
    let lo = 0;
    let hi = starts.length - 1;
    i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = starts[mid] as number;
      if (at === pos) {
        i = mid;
        break;
      }
      if (at < pos) lo = mid + 1;
      else hi = mid - 1;
    }
    if (i < 0) return -1;
  }
  r.next = i + 1;
  return i;
}

/**
 * Runs `apply` (a Y.applyUpdate of `bytes`) letting Yjs take the JSON values the relay's validation
 * already read from those very bytes instead of reading each event again. Values are plain data
 * nobody changes, so sharing them is indistinguishable from reading them twice.
 */
export function withValuesRead<T>(bytes: Uint8Array, values: ValuesRead, apply: () => T): T {
  reused = { bytes, read: values, next: 0 };
  try {
    return apply();
  } finally {
    reused = undefined;
  }
}
