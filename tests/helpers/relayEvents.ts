import { expect } from 'vitest';
import type { Session, TestClient } from './clients.ts';
import { eventually } from './eventually.ts';

/** An event written by `by` now, as a phone would append it (a fresh id unless given). */
export function memberEvent(by: Session, type: string, fields: Record<string, unknown>, id = `ev-${Math.random()}`) {
  return { id, type, at: Date.now(), by: by.memberId, ...fields };
}

/** The first close the relay sent this client, once it has sent one. */
export async function firstClose(c: TestClient): Promise<{ code: number; reason: string }> {
  await eventually(() => expect(c.closes.length).toBeGreaterThan(0));
  return c.closes[0]!;
}
