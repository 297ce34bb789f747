import { utf8TextDecoder } from 'lib0/string';

/** Longer strings are rare in event logs and cheap per byte for the native decoder. */
const SHORT = 64;

/**
 * Gives lib0's shared UTF-8 decoder, through which Yjs reads every string of a document, a JS
 * path for short ASCII strings. A native decode call costs far more than the few bytes it reads,
 * and a five-year compound's log holds some 900,000 strings (every object key is one), 95% of
 * them short ASCII (keys, ids, types, dates); ASCII bytes are their own UTF-16 code units, so
 * the result is the same and malformed input still reaches the native decoder.
 */
export function installAsciiFastPath(): void {
  const decoder = utf8TextDecoder;
  if (!decoder) return;
  const native = decoder.decode.bind(decoder);
  decoder.decode = (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string => {
    if (options === undefined && input instanceof Uint8Array && input.length <= SHORT && isAscii(input))
      return String.fromCharCode.apply(null, input as unknown as number[]);
    return native(input, options);
  };
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}
