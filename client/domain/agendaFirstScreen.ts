import * as v from 'valibot';
import { AgendaFirstScreenSchema } from '../../shared/api/firstScreen.ts';
import type { ListedRequest } from '../../shared/folds/index.ts';
import type { parties } from '../../shared/roles.ts';
import { compoundKey } from '../sync/localKeys.ts';

/**
 * The agenda's first screen as this phone last showed it: the default tab's first cards, the tab
 * counts and the names on those cards. Opening a five-year compound reads ~10 MB from IndexedDB
 * and folds 75,000 events before the live list can show (about 1.5 s on a laptop, several on an
 * old phone); the kept screen shows at once and the live list replaces it when the fold is back.
 * It is kept in localStorage (read synchronously on the first render, a few kB) beside the
 * account; only this phone's own copy ever wrote it, so it holds nothing the phone did not.
 */
export interface AgendaFirstScreen {
  /** Made by the relay for a first join (shown until this phone's own copy is open, never kept). */
  from?: 'relay';
  memberId: string;
  savedAt: number;
  /** Requests in each main tab, as the tabs showed them. */
  counts: { open: number; mine: number; overdue: number; all: number };
  turnTotals: Record<(typeof parties)[number], number>;
  cards: ListedRequest[];
  /** The display name of each member the cards name. */
  names: Record<string, string>;
}

const key = (compoundId: string) => compoundKey('first-screen', compoundId, 'agenda');

/** The kept first screen for this member, or undefined (none, another member's, unreadable). */
export function readAgendaFirstScreen(compoundId: string, memberId: string): AgendaFirstScreen | undefined {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key(compoundId));
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let parsed: v.SafeParseResult<typeof AgendaFirstScreenSchema> | undefined;
  try {
    parsed = v.safeParse(AgendaFirstScreenSchema, JSON.parse(raw));
  } catch {
    // Not JSON: dropped below like any other screen it cannot read.
  }
  if (!parsed?.success) {
    localStorage.removeItem(key(compoundId));
    return undefined;
  }
  const { v: _version, ...screen } = parsed.output;
  return screen.memberId === memberId ? screen : undefined;
}

/** Keeps the screen for the next visit; returns false when the phone's storage refused it (full, private mode). */
export function saveAgendaFirstScreen(compoundId: string, screen: AgendaFirstScreen): boolean {
  try {
    localStorage.setItem(key(compoundId), JSON.stringify({ v: 1, ...screen }));
    return true;
  } catch {
    return false;
  }
}
