import { utf8TextDecoder } from 'lib0/string';

/** Longer strings are rare in event logs and cheap per byte for the native decoder. */
const SHORT = 64;
/** Strings kept for reuse, by hash of their bytes (a power of two). */
const SLOTS = 4096;

/**
 * Gives lib0's shared UTF-8 decoder, through which Yjs reads every string of a document, a JS
 * path for short ASCII strings. A native decode call costs far more than the few bytes it reads,
 * and a five-year compound's log holds some 900,000 strings (every object key is one), 95% of
 * them short ASCII (keys, ids, types, dates); ASCII bytes are their own UTF-16 code units, so
 * the result is the same and malformed input still reaches the native decoder. Keys and types
 * repeat, so the strings last decoded are kept by hash and reused instead of allocated again.
 */
export function installAsciiFastPath(): void {
  const decoder = utf8TextDecoder;
  if (!decoder) return;
  const native = decoder.decode.bind(decoder);
  const seen: (string | undefined)[] = new Array(SLOTS).fill(undefined);
  decoder.decode = (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string => {
    if (options !== undefined || !(input instanceof Uint8Array) || input.length > SHORT) return native(input, options);
    const n = input.length;
    let hash = n;
    for (let i = 0; i < n; i++) {
      const c = input[i] as number;
      if (c > 0x7f) return native(input, options);
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    const slot = hash & (SLOTS - 1);
    const cached = seen[slot];
    if (cached !== undefined && cached.length === n && same(cached, input)) return cached;
    const s = String.fromCharCode.apply(null, input as unknown as number[]);
    seen[slot] = s;
    return s;
  };
}

function same(s: string, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (s.charCodeAt(i) !== bytes[i]) return false;
  return true;
}
