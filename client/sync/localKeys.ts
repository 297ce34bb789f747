/**
 * What a phone keeps per compound in localStorage (a kept first screen, late minutes) is named
 * `little-stool:<kind>:<compoundId>[:<more>]`, so forgetting a compound finds all of it.
 */
export function compoundKey(kind: string, compoundId: string, ...more: string[]): string {
  return ['little-stool', kind, compoundId, ...more].join(':');
}

/** Removes every localStorage entry `compoundKey` named for this compound. */
export function forgetCompoundKeys(compoundId: string): void {
  try {
    const doomed: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const parts = k?.split(':');
      if (k && parts?.[0] === 'little-stool' && parts[2] === compoundId) doomed.push(k);
    }
    for (const k of doomed) localStorage.removeItem(k);
  } catch {
    // No localStorage (some private modes): nothing was kept there either.
  }
}
