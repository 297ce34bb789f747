import * as idb from 'lib0/indexeddb';
import type { Account } from './accounts.ts';

const DB = 'little-stool';
const STORE = 'accounts';
const FALLBACK_KEY = 'little-stool:accounts';

/** Where accounts (and their tokens) are kept: IndexedDB, or localStorage when IndexedDB cannot open. */
export interface AccountStore {
  readonly kind: 'indexeddb' | 'localStorage';
  all(): Promise<Account[]>;
  put(account: Account): Promise<void>;
  delete(compoundId: string): Promise<void>;
}

function localStore(): AccountStore {
  const read = (): Account[] => {
    try {
      return JSON.parse(localStorage.getItem(FALLBACK_KEY) ?? '[]') as Account[];
    } catch {
      return [];
    }
  };
  const write = (list: Account[]) => localStorage.setItem(FALLBACK_KEY, JSON.stringify(list));
  return {
    kind: 'localStorage',
    all: async () => read(),
    put: async (a) => write([...read().filter((x) => x.compoundId !== a.compoundId), a]),
    delete: async (id) => write(read().filter((x) => x.compoundId !== id)),
  };
}

async function idbStore(): Promise<AccountStore> {
  const db = await idb.openDB(DB, (d) => idb.createStores(d, [[STORE, { keyPath: 'compoundId' }]]));
  const store = (mode: 'readonly' | 'readwrite') => idb.transact(db, [STORE], mode)[0]!;
  return {
    kind: 'indexeddb',
    all: async () => (await idb.getAll(store('readonly'))) as Account[],
    put: async (a) => {
      await idb.put(store('readwrite'), a as unknown as string);
    },
    delete: async (id) => {
      await idb.del(store('readwrite'), id);
    },
  };
}

/** Opens IndexedDB, falling back to localStorage (and saying so) if it is unavailable. */
export async function openAccountStore(): Promise<{ store: AccountStore; error?: unknown }> {
  try {
    return { store: await idbStore() };
  } catch (error) {
    return { store: localStore(), error };
  }
}
