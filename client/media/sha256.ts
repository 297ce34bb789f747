import { sha256 } from '@noble/hashes/sha2.js';

/** Hex of the SHA-256 of some bytes: WebCrypto where the page is a secure context, else plainSha256Hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return toHex(new Uint8Array(digest));
  }
  return plainSha256Hex(bytes);
}

/**
 * SHA-256 in plain JS for pages served over plain http, where crypto.subtle is missing. Imported
 * statically: this module only loads with the photo picker, and a page that went offline has no
 * service worker on plain http to fetch a lazy chunk from.
 */
export function plainSha256Hex(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
