import type { Member } from './roles.ts';
import { isCommittee, isPartner } from './roles.ts';

/** Ids of compounds, members and meetings: 1-64 of [A-Za-z0-9_-]. */
export const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

export type DocKind = 'public' | 'committee' | 'members' | 'minutes' | 'needs';

export interface DocRef {
  name: string;
  kind: DocKind;
  meetingId?: string;
}

/** Parses a document name (`public`, `committee`, `members`, `needs`, `minutes-<meetingId>`); undefined if invalid. */
export function parseDocName(name: string): DocRef | undefined {
  if (name === 'public' || name === 'committee' || name === 'members' || name === 'needs') return { name, kind: name };
  if (name.startsWith('minutes-')) {
    const meetingId = name.slice('minutes-'.length);
    if (idPattern.test(meetingId)) return { name, kind: 'minutes', meetingId };
  }
  return undefined;
}

export function minutesDocName(meetingId: string): string {
  return `minutes-${meetingId}`;
}

/** The relay's room key and the y-websocket room name: `<compoundId>/<docName>`. */
export function roomName(compoundId: string, docName: string): string {
  return `${compoundId}/${docName}`;
}

/** Root types each document kind may contain: every other top-level name is refused. */
export const docRoots: Record<DocKind, { events: true; notes?: true }> = {
  public: { events: true },
  committee: { events: true },
  members: { events: true },
  minutes: { events: true, notes: true },
  needs: { events: true },
};

/** A partner reads the needs board alone: no agenda, ledger, names of members or minutes reach their phone. */
export function canRead(kind: DocKind, member: Pick<Member, 'role'>): boolean {
  if (isPartner(member)) return kind === 'needs';
  return kind === 'committee' ? isCommittee(member) : true;
}

/**
 * Document-level write access; event-level rules live in rules/permissions. Every member appends to
 * a meeting's minutes log (the table lets a resident sign in only themself); its notes text is
 * another matter (see canEditNotes).
 */
export function canWrite(kind: DocKind, member: Pick<Member, 'role'>): boolean {
  switch (kind) {
    case 'public':
    case 'minutes':
      return !isPartner(member);
    case 'needs':
      return true;
    case 'committee':
      return isCommittee(member);
    case 'members':
      return false;
    default:
      return exhaustive(kind);
  }
}

/** Who edits a document's text (`notes` in minutes): the committee; residents read it as it is typed. */
export function canEditNotes(kind: DocKind, member: Pick<Member, 'role'>): boolean {
  return docRoots[kind].notes === true && isCommittee(member);
}

export function exhaustive(x: never): never {
  throw new Error(`unexpected value ${String(x)}`);
}
