import { type Accessor, createMemo, untrack } from 'solid-js';
import { type EventType, eventTypes } from '../../shared/events/index.ts';
import { parseDocName } from '../../shared/rooms.ts';
import { docLabel } from '../i18n/docLabel.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { CompoundSession } from '../sync/CompoundSession.ts';
import type { UnsentDoc, UnsentWrite } from '../sync/unsentWrites.ts';

export type { UnsentDoc, UnsentWrite };

/** One line of "还没发出的修改": what was done, to what, when. */
export interface UnsentLine {
  /** What was done: `unsent.what.<event type>`, `unsent.what.notes` (a meeting's notes), `unsent.what.other`. */
  what: MessageKey;
  /** The title, purpose or name of the thing, its own or the one it refers to (an approval's expense). */
  title: string | undefined;
  /** Events written with it in the same go (a register of units read from a table): "等 N 项". */
  more: number;
  /** How many of the unsent count it stands for: 1, or every change of one meeting's notes text. */
  changes: number;
  /** When (ms), or undefined when a list stored by an older version did not keep it. */
  at: number | undefined;
}

/** Fields that name a thing, in the order they are asked. */
const nameFields = ['title', 'purpose', 'name', 'label', 'place'] as const;
/** Fields that refer to the event that made a thing (a request, an expense, a household...). */
const refFields = [
  'requestId',
  'expenseId',
  'householdId',
  'dutyId',
  'teamId',
  'goodsId',
  'fundId',
  'listingId',
  'actionId',
  'ruleId',
  'targetEventId',
] as const;
const TITLE_MAX = 30;
const known = new Set<string>(eventTypes);

/** The words of an event type, or 其他修改 for a type this version does not know. */
export function whatOf(type: unknown): MessageKey {
  // A type without its `unsent.what.` line fails typecheck here.
  return typeof type === 'string' && known.has(type)
    ? (`unsent.what.${type as EventType}` as const)
    : 'unsent.what.other';
}

/**
 * The lines of what the phone holds and the relay does not, newest first: one per write (an event,
 * or several written at once), and one per meeting whose notes text changed, with every change of it.
 * Their `changes` add up to the unsent count.
 */
export function unsentLines(docs: readonly UnsentDoc[]): UnsentLine[] {
  const names = new Names(docs);
  const lines: UnsentLine[] = [];
  for (const doc of docs) {
    let notes: UnsentLine | undefined;
    for (const write of doc.writes) {
      const first = write.events[0];
      if (first !== undefined) {
        const last = write.events.at(-1);
        lines.push({
          what: whatOf(field(first, 'type')),
          title: names.of(first),
          more: write.events.length - 1,
          changes: 1,
          at: numberOr(field(last, 'at'), write.at),
        });
      } else if (write.text) {
        if (!notes) {
          notes = { what: 'unsent.what.notes', title: names.meeting(doc.name), more: 0, changes: 0, at: undefined };
          lines.push(notes);
        }
        notes.changes++;
        if (write.at !== undefined && (notes.at === undefined || write.at > notes.at)) notes.at = write.at;
      } else {
        lines.push({ what: 'unsent.what.other', title: undefined, more: 0, changes: 1, at: write.at });
      }
    }
  }
  // Newest first; lines with no time (kept by an older version) last; a later write before an earlier one.
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => (b.line.at ?? Number.NEGATIVE_INFINITY) - (a.line.at ?? Number.NEGATIVE_INFINITY) || b.i - a.i)
    .map(({ line }) => line);
}

/**
 * The unsent list of a session, kept up to date; empty while `session` gives none (the sheet is
 * closed: the list reads the documents' logs to name what a write refers to).
 */
export function createUnsentList(session: Accessor<CompoundSession | undefined>): Accessor<UnsentLine[]> {
  return createMemo(() => {
    const s = session();
    return s ? unsentLines(s.unsentDocs()) : [];
  });
}

/** A document reset after a refusal while the sheet was open: what it had not sent is in `file`. */
export interface UnsentReset {
  /** The document as the member knows it (公开议事). */
  doc: string;
  file: string;
}

/**
 * The documents reset after a refusal since the sheet opened (`session` turned defined): their
 * unsent writes left the list for files, not for the relay, so the sheet must not say 全部已发出.
 */
export function createResetsWhileOpen(session: Accessor<CompoundSession | undefined>): Accessor<UnsentReset[]> {
  const seen = createMemo(() => {
    const s = session();
    return s ? untrack(() => s.copyResets().length) : 0;
  });
  return createMemo(() => {
    const s = session();
    if (!s) return [];
    return s
      .copyResets()
      .slice(seen())
      .map((r) => ({ doc: docLabel(r.docName), file: r.file }));
  });
}

/** Names of things, looked up in the documents' logs only when an event names none of its own. */
class Names {
  private byId: Map<string, unknown> | undefined;
  private meetings: Map<string, unknown> | undefined;

  constructor(private readonly docs: readonly UnsentDoc[]) {}

  /** The event's own title, purpose or name, else that of the first thing it refers to. */
  of(event: unknown): string | undefined {
    const own = nameIn(event) ?? nameIn(field(event, 'wish')) ?? nameIn(field(event, 'attendee'));
    if (own) return own;
    for (const f of refFields) {
      const ref = field(event, f);
      if (typeof ref === 'string') return nameIn(this.index().get(ref));
    }
    const meetingId = field(event, 'meetingId');
    return typeof meetingId === 'string' ? this.meetingName(meetingId) : undefined;
  }

  /** The title of the meeting whose minutes a document holds. */
  meeting(docName: string): string | undefined {
    const meetingId = parseDocName(docName)?.meetingId;
    return meetingId ? this.meetingName(meetingId) : undefined;
  }

  private meetingName(meetingId: string): string | undefined {
    this.index();
    return nameIn(this.meetings?.get(meetingId));
  }

  private index(): Map<string, unknown> {
    if (this.byId) return this.byId;
    this.byId = new Map();
    this.meetings = new Map();
    for (const doc of this.docs) {
      for (const e of doc.log()) {
        const id = field(e, 'id');
        if (typeof id === 'string') this.byId.set(id, e);
        const meetingId = field(e, 'meetingId');
        if (field(e, 'type') === 'meeting.scheduled' && typeof meetingId === 'string') this.meetings.set(meetingId, e);
      }
    }
    return this.byId;
  }
}

function nameIn(thing: unknown): string | undefined {
  for (const f of nameFields) {
    const value = field(thing, f);
    if (typeof value === 'string' && value.trim()) return shorten(value.trim());
  }
  return undefined;
}

function shorten(s: string): string {
  const chars = [...s.replace(/\s+/g, ' ')];
  return chars.length > TITLE_MAX ? `${chars.slice(0, TITLE_MAX - 1).join('')}…` : chars.join('');
}

function field(thing: unknown, name: string): unknown {
  return typeof thing === 'object' && thing !== null ? (thing as Record<string, unknown>)[name] : undefined;
}

function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
