import * as v from 'valibot';
import { compoundKey } from './localKeys.ts';

const DocNames = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(500));

const key = (compoundId: string) => compoundKey('unsent-docs', compoundId);

/**
 * The compound's documents that held changes the relay had not acknowledged when this phone last
 * counted them. A meeting's minutes are open only while a page shows them: a member who typed
 * notes offline and left the page would otherwise keep them on the phone, unsent and uncounted,
 * until they opened that meeting again. The session opens these at its start (CompoundSession).
 */
export function docsWithUnsent(compoundId: string): string[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key(compoundId));
  } catch {
    return [];
  }
  if (raw === null) return [];
  let parsed: v.SafeParseResult<typeof DocNames> | undefined;
  try {
    parsed = v.safeParse(DocNames, JSON.parse(raw));
  } catch {
    // Not JSON: forgotten below like any list it cannot read.
  }
  if (parsed?.success) return parsed.output;
  removeList(compoundId);
  return [];
}

/** Notes whether a document holds unsent changes (each time its count goes to or from zero). */
export function markUnsent(compoundId: string, docName: string, unsent: boolean): void {
  const names = new Set(docsWithUnsent(compoundId));
  if (names.has(docName) === unsent) return;
  if (unsent) names.add(docName);
  else names.delete(docName);
  try {
    if (names.size === 0) localStorage.removeItem(key(compoundId));
    else localStorage.setItem(key(compoundId), JSON.stringify([...names]));
  } catch {
    // Storage full or missing (some private modes): the document is still counted while open.
  }
}

function removeList(compoundId: string): void {
  try {
    localStorage.removeItem(key(compoundId));
  } catch {
    // Nothing to forget.
  }
}
