import type { Awareness } from 'y-protocols/awareness';
import type { MemberParty } from '../../shared/roles.ts';

/**
 * At most one awareness frame a second from this phone's presence (a caret, a keystroke): the relay
 * sends every frame to every phone in the room, and typing used to send one per keystroke.
 */
export const PRESENCE_SEND_MS = 1_000;

/** A caret as positions that survive others' typing (`Y.relativePositionToJSON`). */
export interface CaretJson {
  anchor: unknown;
  head: unknown;
}

/**
 * What this phone announces in the minutes: who (a name cut to 60 characters: the relay caps a state
 * at 8 KiB, this stays under one), where its caret is, when it last typed (the relay's time, ms;
 * null once it left the notes) and whether the app is in the background.
 */
export interface LocalPresence {
  user: { id: string; name: string; party: MemberParty; colour: number };
  at: CaretJson | null;
  typing: number | null;
  away: boolean;
}

/**
 * This phone's presence on its way to the awareness: changes are merged, the first goes at once and
 * the next within PRESENCE_SEND_MS of the last frame, carrying whatever is newest then. A change
 * that says the member left the notes or the app (`now`) goes at once.
 */
export class PresenceOutbox {
  private state: Partial<LocalPresence> = {};
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly awareness: Awareness) {}

  set(change: Partial<LocalPresence>, now = false): void {
    this.state = { ...this.state, ...change };
    const wait = this.lastSent + PRESENCE_SEND_MS - Date.now();
    if (now || wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** What was last set, sent or not. */
  get current(): Partial<LocalPresence> {
    return this.state;
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    // A state the awareness holds already would still be a frame: the stock client sends every set.
    if (JSON.stringify(this.awareness.getLocalState()) === JSON.stringify(this.state)) return;
    this.lastSent = Date.now();
    this.awareness.setLocalState({ ...this.state });
  }
}
