/** A unique id for an event; falls back to getRandomValues where randomUUID is missing (plain http). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** Each compound's documents live in their own IndexedDB database. */
export function docDbName(compoundId: string, docName: string): string {
  return `little-stool/${compoundId}/${docName}`;
}

export function docDbPrefix(compoundId: string): string {
  return `little-stool/${compoundId}/`;
}

/** The relay's websocket base on the same origin as the app. */
export function syncUrl(): string {
  return `${location.origin.replace(/^http/, 'ws')}/sync`;
}
