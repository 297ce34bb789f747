import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** How many hex characters of the digest a printed copy carries: 48 bits, enough to tell copies apart by eye. */
export const SHORT_HASH_LENGTH = 12;

/** JSON with every object's keys sorted, so the same value encodes alike on every phone. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** The SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The first SHORT_HASH_LENGTH hex characters of a digest: what a paper and its QR carry. */
export const shortHash = (digest: string): string => digest.slice(0, SHORT_HASH_LENGTH);

/** A short hash in groups of four for reading aloud ("3f2a 9c01 be77"). */
export function groupHash(hash: string): string {
  return (hash.match(/.{1,4}/g) ?? []).join(' ');
}

/** A hash as someone typed or scanned it: lower case, no spaces or dashes. */
export function normalizeHash(text: string): string {
  return text.toLowerCase().replace(/[\s-]/g, '');
}
