import { createSignal } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { MemberParty, Role } from '../../shared/roles.ts';
import { type AccountStore, openAccountStore } from './accountStore.ts';
import { docDbPrefix } from './ids.ts';
import { forgetCompoundKeys } from './localKeys.ts';

/** One compound this device belongs to, with the member's token for it. */
export interface Account {
  compoundId: string;
  compoundName: string;
  memberId: string;
  name: string;
  role: Role;
  party: MemberParty;
  /** A partner's unit (共建单位). */
  unit?: string;
  token: string;
  addedAt: number;
  /** Set when the relay or the API refused the token (4401/404): the member must join again. */
  lost?: { code: number; at: number };
}

const [accounts, setAccounts] = createStore<Account[]>([]);
const [storageProblem, setStorageProblem] = createSignal<string>();
let store: AccountStore | undefined;

export { accounts, storageProblem };

/** Loads the accounts before the app renders; IndexedDB trouble is surfaced, not hidden. */
export async function loadAccounts(): Promise<void> {
  const opened = await openAccountStore();
  store = opened.store;
  if (opened.error) setStorageProblem(String(opened.error));
  try {
    const list = await store.all();
    list.sort((a, b) => a.addedAt - b.addedAt);
    setAccounts(reconcile(list, { key: 'compoundId' }));
  } catch (e) {
    setStorageProblem(String(e));
  }
}

export function accountFor(compoundId: string): Account | undefined {
  return accounts.find((a) => a.compoundId === compoundId);
}

export async function saveAccount(account: Account): Promise<void> {
  const clean = { ...account };
  const i = accounts.findIndex((a) => a.compoundId === account.compoundId);
  if (i >= 0) setAccounts(i, reconcile(clean));
  else setAccounts(accounts.length, clean);
  try {
    await store?.put(clean);
  } catch (e) {
    setStorageProblem(String(e));
    throw e;
  }
}

export async function updateAccount(compoundId: string, patch: Partial<Account>): Promise<void> {
  const current = accountFor(compoundId);
  if (!current) return;
  const next: Account = { ...current, ...patch };
  for (const k of Object.keys(patch) as (keyof Account)[]) if (patch[k] === undefined) delete next[k];
  await saveAccount(next);
}

/** Reads an account again from storage into memory: another tab of this phone may have changed it. */
export async function reloadAccount(compoundId: string): Promise<Account | undefined> {
  const list = await store?.all().catch(() => undefined);
  const stored = list?.find((a) => a.compoundId === compoundId);
  const i = accounts.findIndex((a) => a.compoundId === compoundId);
  if (stored && i >= 0) setAccounts(i, reconcile(stored));
  return stored;
}

/** Forgets a compound on this device: its token and every one of its local documents. */
export async function removeAccount(compoundId: string): Promise<void> {
  setAccounts((list) => list.filter((a) => a.compoundId !== compoundId));
  await store?.delete(compoundId);
  forgetCompoundKeys(compoundId);
  const names = await localDocDbs(compoundId);
  await Promise.all(names.map((n) => deleteDb(n)));
}

async function localDocDbs(compoundId: string): Promise<string[]> {
  const prefix = docDbPrefix(compoundId);
  const known = ['public', 'members', 'committee'].map((d) => prefix + d);
  if (typeof indexedDB.databases !== 'function') return known;
  const all = await indexedDB.databases().catch(() => []);
  const found = all.map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
  return [...new Set([...known, ...found])];
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}
