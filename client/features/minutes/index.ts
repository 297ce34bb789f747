/** The minutes of a meeting, shown on the meeting page while it is open. */
export { MinutesSection } from './MinutesSection.tsx';
