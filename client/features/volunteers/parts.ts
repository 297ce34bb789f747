/** Care visits waiting on this member, for the agenda's 我的 tab (its module also gives the tab badge). */
export { CareTurns } from './care/CareTurns.tsx';
