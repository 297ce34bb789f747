/** Ledger steps waiting on this member's party, for the agenda's 我的 tab (its module also gives the tab badge). */
export { LedgerTurns } from './LedgerTurns.tsx';
