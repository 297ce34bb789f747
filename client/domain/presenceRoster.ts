import type { MemberParty } from '../../shared/roles.ts';

/** 「张阿姨 正在写…」 lasts this long after the last keystroke heard from her phone (by the app's clock). */
export const TYPING_SHOWN_MS = 4_000;
/**
 * A phone not heard from this long is 暂时离开 (by the app's clock). The stock client renews its
 * presence every 15 s, checked every 3 s, and drops a phone after 30 s without a frame.
 */
export const QUIET_MS = 25_000;

const parties: readonly string[] = ['community', 'owners', 'property', 'none'];

/** Who a phone in the minutes says it is, and where its caret is. */
interface Announced {
  clientId: number;
  /** The member, when the phone said (older versions did not): one entry per member for those away. */
  memberId: string | undefined;
  name: string;
  party: MemberParty;
  /** The colour the phone asked for, 1-based (assignColours settles clashes). */
  colour: number;
  /** The caret's head as the phone sent it (relative-position JSON), or null. */
  head: unknown;
}

/** A phone with the minutes open, or that had them open during this visit. */
export interface RosterEntry extends Announced {
  /** 暂时离开: backgrounded, quiet, or gone from the relay (offline, app closed, page left). */
  away: boolean;
  /** Typed within TYPING_SHOWN_MS (never this phone itself). */
  typing: boolean;
}

interface Heard extends Announced {
  /** When the last frame came (the app's clock). */
  heardAt: number;
  /** The `typing` value last seen, and when it changed while we watched (undefined: not typing). */
  typing: unknown;
  typingAt: number | undefined;
  background: boolean;
  gone: boolean;
}

const field = (o: unknown, name: string): unknown =>
  typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[name] : undefined;

/**
 * When the phone started typing as far as we know: a new `typing` value is a keystroke, except from a
 * phone seen anew (first, or back after it left), whose value may be old.
 */
function typingSince(known: Heard | undefined, typing: unknown, now: number): number | undefined {
  if (!known || known.gone) return undefined;
  if (typing === known.typing) return known.typingAt;
  return typeof typing === 'number' ? now : undefined;
}

/**
 * Everyone heard in a meeting's awareness during this visit, with what the app's clock makes of them:
 * who is typing and who is away. A phone that leaves the relay stays, away, rather than vanishing
 * (a phone put in a pocket at the meeting looks the same as one switched off). Another phone's state
 * is not ours to trust: anything malformed is left out.
 */
export class PresenceRoster {
  private readonly heard = new Map<number, Heard>();

  /** A frame of `clientId` (its state now; undefined: it left the relay), heard at `now`. */
  hear(clientId: number, state: unknown, now: number): void {
    const known = this.heard.get(clientId);
    if (state === undefined || state === null) {
      if (known) {
        known.gone = true;
        known.typingAt = undefined;
      }
      return;
    }
    const user = field(state, 'user');
    const name = field(user, 'name');
    if (typeof name !== 'string' || !name) return;
    const id = field(user, 'id');
    const party = field(user, 'party');
    const colour = field(user, 'colour');
    const typing = field(state, 'typing') ?? null;
    const entry: Heard = {
      clientId,
      memberId: typeof id === 'string' && id.length <= 64 ? id : undefined,
      name: name.slice(0, 60),
      party: (typeof party === 'string' && parties.includes(party) ? party : 'none') as MemberParty,
      colour: Number.isInteger(colour) ? (colour as number) : 1,
      head: field(field(state, 'at'), 'head') ?? null,
      heardAt: now,
      typing,
      typingAt: typingSince(known, typing, now),
      background: field(state, 'away') === true,
      gone: false,
    };
    this.heard.set(clientId, entry);
  }

  /**
   * Who is shown at `now`: this phone (`self`) always here; a typing that ran out stays out should
   * the clock then go back (a test's pretend time set back). Of a member away, one entry, and none
   * while the member is here on another (a reload, a new client id).
   */
  list(now: number, self: number): RosterEntry[] {
    const all: RosterEntry[] = [];
    for (const h of this.heard.values()) {
      const isSelf = h.clientId === self;
      const away = !isSelf && (h.gone || h.background || now - h.heardAt >= QUIET_MS);
      if (h.typingAt !== undefined && (away || now - h.typingAt >= TYPING_SHOWN_MS)) h.typingAt = undefined;
      const { clientId, memberId, name, party, colour, head } = h;
      all.push({ clientId, memberId, name, party, colour, head, away, typing: !isSelf && h.typingAt !== undefined });
    }
    const who = (e: RosterEntry) => e.memberId ?? `${e.name}\u0000${e.party}`;
    const here = new Set(all.filter((e) => !e.away).map(who));
    const latestAway = new Map<string, RosterEntry>();
    for (const e of all) {
      if (!e.away || here.has(who(e))) continue;
      const other = latestAway.get(who(e));
      if (!other || this.heard.get(e.clientId)!.heardAt > this.heard.get(other.clientId)!.heardAt)
        latestAway.set(who(e), e);
    }
    return all.filter((e) => !e.away || latestAway.get(who(e)) === e);
  }

  /** How long from `now` until someone's typing runs out or they turn quiet; undefined: nothing due. */
  nextChange(now: number, self: number): number | undefined {
    let next: number | undefined;
    for (const h of this.heard.values()) {
      if (h.clientId === self || h.gone || h.background) continue;
      for (const at of [h.typingAt === undefined ? undefined : h.typingAt + TYPING_SHOWN_MS, h.heardAt + QUIET_MS]) {
        if (at !== undefined && at > now && (next === undefined || at - now < next)) next = at - now;
      }
    }
    return next;
  }
}
