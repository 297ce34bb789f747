import { createHash, randomBytes } from 'node:crypto';

/** A bearer token: 256 random bits. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An id of `bytes` random bytes in [A-Za-z0-9_-] (matches shared/rooms idPattern). */
export function newId(bytes = 12): string {
  return randomBytes(bytes).toString('base64url');
}
