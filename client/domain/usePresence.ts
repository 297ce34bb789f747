import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import * as Y from 'yjs';
import type { MemberParty } from '../../shared/roles.ts';
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
}

/** A caret as the binding reports it: positions that survive others' typing. */
export type Caret = { anchor: Y.RelativePosition; head: Y.RelativePosition } | null;

interface PresenceState {
  user?: { name?: unknown; party?: unknown; colour?: unknown };
  at?: { head?: unknown } | null;
}

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

const parties: readonly string[] = ['community', 'owners', 'property', 'none'];

/**
 * Who is in the minutes now, from the relay's awareness: this phone announces its member (name,
 * party, colour: a small state, the relay caps it) and its caret; the list updates as people
 * come, go and type, and each caret's line follows the text as others type above it.
 */
export function usePresence(minutes: Minutes): { present: Accessor<Present[]>; setCaret(caret: Caret): void } {
  const session = useSession();
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);

  createEffect(() => {
    const awareness = minutes.awareness();
    if (!awareness) return;
    awareness.on('change', bump);
    bump();
    onCleanup(() => {
      awareness.off('change', bump);
      // Leave at once; the document itself may stay open until the relay holds what was typed.
      awareness.setLocalState(null);
    });
  });

  // Kept apart from the listener above: a renamed member must not lose their caret.
  createEffect(() => {
    const awareness = minutes.awareness();
    const m = session.member;
    awareness?.setLocalStateField('user', { name: m.name.slice(0, 60), party: m.party, colour: colourOf(m.memberId) });
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
    const out: Present[] = [];
    for (const [clientId, raw] of awareness.getStates()) {
      const s = raw as PresenceState;
      const name = typeof s.user?.name === 'string' ? s.user.name : '';
      if (!name) continue;
      const party = (parties.includes(String(s.user?.party)) ? s.user?.party : 'none') as MemberParty;
      const colour = Number.isInteger(s.user?.colour)
        ? Math.min(Math.max(Number(s.user?.colour), 1), PRESENCE_COLOURS)
        : 1;
      let line: number | null = null;
      if (s.at?.head && notes.doc) {
        try {
          const rel = Y.createRelativePositionFromJSON(s.at.head);
          const abs = Y.createAbsolutePositionFromRelativePosition(rel, notes.doc);
          if (abs && abs.type === notes) line = lineAt(text, abs.index);
        } catch {
          // Another phone's state is not ours to trust: no line rather than a wrong one.
        }
      }
      out.push({ clientId, name, party, colour, line, self: clientId === awareness.clientID });
    }
    return out.sort(
      (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
    );
  });

  return {
    present,
    setCaret(caret) {
      const awareness = minutes.awareness();
      if (!awareness) return;
      const at = caret
        ? { anchor: Y.relativePositionToJSON(caret.anchor), head: Y.relativePositionToJSON(caret.head) }
        : null;
      const now = (awareness.getLocalState() as PresenceState | null)?.at ?? null;
      if (JSON.stringify(now) === JSON.stringify(at)) return;
      awareness.setLocalStateField('at', at);
    },
  };
}
