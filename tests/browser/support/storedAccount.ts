import type { Page } from 'playwright-core';

/** The account a phone keeps for a compound, as the app stores it in its IndexedDB (`little-stool`, `accounts`). */
export function storedAccount<T = { token: string; memberId: string; compoundId: string }>(
  page: Page,
  compoundId: string,
): Promise<T> {
  return page.evaluate(
    (id) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('little-stool');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('accounts').objectStore('accounts').get(id);
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    compoundId,
  );
}
