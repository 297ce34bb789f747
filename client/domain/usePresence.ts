import { type Accessor, createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { MemberParty } from '../../shared/roles.ts';
import { exactNow, relayNow } from './clock.ts';
import { PresenceOutbox } from './presenceOutbox.ts';
import { PresenceRoster } from './presenceRoster.ts';
import { useSession } from './session.ts';
import type { Minutes } from './useMinutes.ts';

/** How many presence colours tokens.css names (`--presence-1` ...). */
export const PRESENCE_COLOURS = 6;

/** Someone with the minutes open, and the line their caret is on (null: not in the notes now). */
export interface Present {
  clientId: number;
  name: string;
  party: MemberParty;
  /** 1..PRESENCE_COLOURS, the same on every phone, and nobody else's while six or fewer are present. */
  colour: number;
  line: number | null;
  self: boolean;
  /** 暂时离开: the app in the background, not heard from for a while, or gone from the relay. */
  away: boolean;
  /** Typing in the notes now (another phone). */
  typing: boolean;
}

/** A caret as the binding reports it: positions that survive others' typing. */
export type Caret = { anchor: Y.RelativePosition; head: Y.RelativePosition } | null;

/** The 1-based line an index of `text` is on. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A member's colour from their id, so every phone shows them alike. */
export function colourOf(memberId: string): number {
  let h = 0;
  for (let i = 0; i < memberId.length; i++) h = (h * 31 + memberId.charCodeAt(i)) >>> 0;
  return (h % PRESENCE_COLOURS) + 1;
}

/**
 * Gives everyone present a colour of their own where six go round: a member keeps their preferred
 * colour unless someone earlier (by client id, the same order on every phone) took it.
 */
export function assignColours<T extends { clientId: number; colour: number }>(present: T[]): T[] {
  const used = new Set<number>();
  const byClient = [...present].sort((a, b) => a.clientId - b.clientId);
  const given = new Map<number, number>();
  for (const p of byClient) {
    let colour = p.colour;
    for (let k = 0; k < PRESENCE_COLOURS && used.has(colour); k++) colour = (colour % PRESENCE_COLOURS) + 1;
    used.add(colour);
    if (used.size === PRESENCE_COLOURS) used.clear();
    given.set(p.clientId, colour);
  }
  return present.map((p) => ({ ...p, colour: given.get(p.clientId) ?? p.colour }));
}

/** Who this phone says it is: the name cut to 60 characters keeps the state far under the relay's cap. */
function userOf(m: { memberId: string; name: string; party: MemberParty }) {
  return { id: m.memberId, name: m.name.slice(0, 60), party: m.party, colour: colourOf(m.memberId) };
}

/** The line a caret's head (relative-position JSON from another phone) is on in `notes`. */
function lineOf(head: unknown, notes: Y.Text, text: string): number | null {
  if (!head || !notes.doc) return null;
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(head), notes.doc);
    return abs && abs.type === notes ? lineAt(text, abs.index) : null;
  } catch {
    // Another phone's state is not ours to trust: no line rather than a wrong one.
    return null;
  }
}

/**
 * Who is in the minutes, from the relay's awareness: this phone announces its member (name, party,
 * colour), its caret, that it is typing and that it went to the background, at most a frame a second
 * (`PresenceOutbox`); the list updates as people come, type and go, each caret's line follows the
 * text as others type above it, and a phone gone quiet stays listed as away (`PresenceRoster`),
 * timed by the app's clock.
 */
export function usePresence(minutes: Minutes): {
  present: Accessor<Present[]>;
  /** Names of the others typing in the notes now. */
  typing: Accessor<string[]>;
  setCaret(caret: Caret): void;
  /** A keystroke in the notes (a composition's too: that someone types says nothing of what). */
  typed(): void;
} {
  const session = useSession();
  const roster = new PresenceRoster();
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);
  let outbox: PresenceOutbox | undefined;
  const hidden = () => globalThis.document?.visibilityState === 'hidden';

  // Once per awareness: neither the clock nor a renamed member may leave and join again.
  createEffect(() => {
    const awareness = minutes.awareness();
    if (awareness) untrack(() => watch(awareness));
  });

  function watch(awareness: Awareness): void {
    const box = new PresenceOutbox(awareness);
    outbox = box;
    box.set({ user: userOf(session.member), at: null, typing: null, away: hidden() }, true);
    const onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const now = exactNow();
      for (const id of [...added, ...updated]) roster.hear(id, awareness.getStates().get(id), now);
      for (const id of removed) roster.hear(id, undefined, now);
      bump();
    };
    onUpdate({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
    awareness.on('update', onUpdate);
    const onVisibility = () => box.set({ away: hidden() }, true);
    document.addEventListener('visibilitychange', onVisibility);
    onCleanup(() => {
      document.removeEventListener('visibilitychange', onVisibility);
      awareness.off('update', onUpdate);
      box.destroy();
      if (outbox === box) outbox = undefined;
      // Leave at once; the document itself may stay open until the relay holds what was typed.
      awareness.setLocalState(null);
    });
  }

  // A renamed member: the rest of the state (the caret) stays as it is.
  createEffect(() => {
    const user = userOf(session.member);
    if (JSON.stringify(outbox?.current.user) !== JSON.stringify(user)) outbox?.set({ user });
  });

  createEffect(() => {
    const notes = minutes.notes();
    notes.observe(bump);
    onCleanup(() => notes.unobserve(bump));
  });

  const present = createMemo(() => {
    version();
    const awareness = minutes.awareness();
    if (!awareness) return [];
    const notes = minutes.notes();
    const text = notes.toString();
    const self = awareness.clientID;
    return assignColours(
      roster.list(exactNow(), self).map(
        (e): Present => ({
          clientId: e.clientId,
          name: e.name,
          party: e.party,
          colour: Math.min(Math.max(e.colour, 1), PRESENCE_COLOURS),
          line: e.away ? null : lineOf(e.head, notes, text),
          self: e.clientId === self,
          away: e.away,
          typing: e.typing,
        }),
      ),
    ).sort(
      (a, b) =>
        Number(b.self) - Number(a.self) ||
        Number(a.away) - Number(b.away) ||
        a.name.localeCompare(b.name) ||
        a.clientId - b.clientId,
    );
  });

  // Typing runs out and phones turn quiet with time: looked at again when the next one is due.
  createEffect(() => {
    present();
    const awareness = minutes.awareness();
    const due = awareness && roster.nextChange(exactNow(), awareness.clientID);
    if (due === undefined) return;
    const timer = setTimeout(bump, Math.max(due, 100));
    onCleanup(() => clearTimeout(timer));
  });

  return {
    present,
    typing: createMemo(() => present().flatMap((p) => (p.typing ? [p.name] : []))),
    setCaret(caret) {
      const at = caret
        ? { anchor: Y.relativePositionToJSON(caret.anchor), head: Y.relativePositionToJSON(caret.head) }
        : null;
      // Out of the notes is out of typing, said at once.
      if (!at) outbox?.set({ at, typing: null }, true);
      else outbox?.set({ at });
    },
    typed() {
      outbox?.set({ typing: relayNow() });
    },
  };
}
