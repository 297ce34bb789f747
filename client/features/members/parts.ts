import { lazyPart } from '../../ui/lazyPart.ts';

export type { InvitePreset } from './InviteDialog.tsx';

// What other features show of the members module. The invite dialog loads on first use: it brings
// the QR code maker, which the agenda's first screen does not need.

/** The invite dialog, for the set-up card on the agenda (a committee invite for a party still missing). */
export const InviteDialog = lazyPart(() => import('./InviteDialog.tsx').then((m) => m.InviteDialog));
