import { lazyPart } from '../../ui/lazyPart.ts';

// What other features show of the minutes. Both load on first use: the minutes bring the editor,
// the paper hash and dialogs, none of which the agenda's first screen needs.

/** Action items waiting on this member or their party, for the agenda's 我的 tab. */
export const MeetingTurns = lazyPart(() => import('./MeetingTurns.tsx').then((m) => m.MeetingTurns));
/** The minutes of a meeting, shown on the meeting page while it is open. */
export const MinutesSection = lazyPart(() => import('./MinutesSection.tsx').then((m) => m.MinutesSection));
/** The meeting's topics as the chair works through them, handed to the page's topic list. */
export type { TopicDiscussion } from './topicDiscussion.ts';
