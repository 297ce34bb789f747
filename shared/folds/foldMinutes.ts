import type { Tally } from '../events/envelope.ts';
import type { EventOf } from '../events/index.ts';
import { parseEvent } from '../events/index.ts';
import type { AssemblyTally, Attendee } from '../events/meeting.ts';
import type { Owner } from '../events/request.ts';
import { type Party, parties } from '../roles.ts';
import { exhaustive } from '../rooms.ts';
import type { AnomalyReason } from './AnomalyReason.ts';
import type { Anomaly } from './CompoundState.ts';

interface MinutesAct {
  eventId: string;
  at: number;
  by: string;
}

/** An action item; one naming a request becomes its assignment (see applyActionItems). */
export interface ActionItem extends MinutesAct {
  text: string;
  owner: Owner;
  deadline: string;
  requestId: string | null;
}

/** A meeting's minutes as folded from the event log of its `minutes-<meetingId>` document. */
export interface MinutesState {
  attendees: (MinutesAct & Attendee)[];
  items: (MinutesAct & { requestId: string; note: string | null })[];
  /** `assembly` only on an owners' assembly's 双过半 count: absent, not null, so older minutes hash alike. */
  decisions: (MinutesAct & { text: string; tally: Tally | null; assembly?: AssemblyTally; requestId: string | null })[];
  actionItems: ActionItem[];
  /** Action items marked done, by the item's event id; not part of what was signed (see minutesHash). */
  actionsDone: Record<string, MinutesAct>;
  signOffs: Partial<Record<Party, MinutesAct>>;
  /** Parties present (through attendees sitting for them) that must sign before the minutes lock. */
  signingParties: Party[];
  /** Locked once every present party signed; later changes are amendments only. */
  locked: boolean;
  lockedAt: number | null;
  /** Changes after the lock; before it, the minutes are changed directly. */
  amendments: (MinutesAct & { note: string })[];
  anomalies: Anomaly[];
}

type MinutesEvent = EventOf<
  | 'minutes.signed-in'
  | 'minutes.item.taken-up'
  | 'minutes.decision.recorded'
  | 'minutes.action.created'
  | 'minutes.action.done'
  | 'minutes.signed-off'
  | 'minutes.amended'
>;

/** Folds one meeting's minutes events in array order (small logs: no incremental fold needed). */
export function foldMinutes(events: readonly unknown[]): MinutesState {
  const m: MinutesState = {
    attendees: [],
    items: [],
    decisions: [],
    actionItems: [],
    // Keyed by ids members choose: no prototype, so an item named `constructor` is not "done".
    actionsDone: Object.create(null) as Record<string, MinutesAct>,
    signOffs: {},
    signingParties: [],
    locked: false,
    lockedAt: null,
    amendments: [],
    anomalies: [],
  };
  // An id held twice counts for neither: which came first is a position an author chooses.
  const count = new Map<string, number>();
  for (const raw of events) {
    const id = (raw as { id?: unknown } | null)?.id;
    if (typeof id === 'string') count.set(id, (count.get(id) ?? 0) + 1);
  }
  for (const raw of events) {
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      const id = (raw as { id?: unknown } | null)?.id;
      m.anomalies.push({
        eventId: typeof id === 'string' ? id : '',
        type: parsed.type,
        reason: { code: 'schema', issue: parsed.why },
      });
      continue;
    }
    const e = parsed.event;
    const why: AnomalyReason | undefined =
      (count.get(e.id) ?? 0) > 1
        ? { code: 'duplicate_id' }
        : e.type.startsWith('minutes.')
          ? step(m, e as MinutesEvent)
          : { code: 'wrong_document' };
    if (why) m.anomalies.push({ eventId: e.id, type: e.type, reason: why });
  }
  // Lists in a canonical order, not the log's: concurrent sign-ins land in whichever order Yjs places them.
  for (const list of [m.attendees, m.items, m.decisions, m.actionItems, m.amendments]) list.sort(byTime);
  if (m.locked) m.lockedAt = lockTime(m);
  m.signingParties.sort((a, b) => parties.indexOf(a) - parties.indexOf(b));
  return m;
}

function sameOwner(a: Owner, b: Owner): boolean {
  return 'memberId' in a ? 'memberId' in b && a.memberId === b.memberId : 'party' in b && a.party === b.party;
}

/**
 * When the minutes locked: the latest of the signatures that lock them, not the last in the log
 * (two parties signing at once land in either order).
 */
function lockTime(m: MinutesState): number {
  return Math.max(...m.signingParties.map((p) => m.signOffs[p]?.at ?? 0));
}

function byTime(a: MinutesAct, b: MinutesAct): number {
  return a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

/** What may follow the lock: an amendment, and marking an action item done (work reported, not the minutes changed). */
export const afterLock: ReadonlySet<string> = new Set(['minutes.amended', 'minutes.action.done']);

/**
 * What the minutes record that was written before the lock counts wherever the log holds it: a
 * decision sent while the last party signed off may land after that sign-off (Yjs orders
 * concurrent items by client id), and it reached the relay before the lock. Sign-ins keep the
 * log's order: one after the lock would add a party that never signed.
 */
const recordedBeforeLock: ReadonlySet<string> = new Set([
  'minutes.item.taken-up',
  'minutes.decision.recorded',
  'minutes.action.created',
]);

function step(m: MinutesState, e: MinutesEvent): AnomalyReason | undefined {
  const act: MinutesAct = { eventId: e.id, at: e.at, by: e.by };
  const written = recordedBeforeLock.has(e.type) && m.lockedAt !== null && e.at < m.lockedAt;
  const secondSignature = e.type === 'minutes.signed-off' && m.signOffs[e.party] !== undefined;
  if (m.locked && !afterLock.has(e.type) && !written && !secondSignature) return { code: 'minutes_locked' };
  switch (e.type) {
    case 'minutes.signed-in': {
      const a = e.attendee;
      const i = 'memberId' in a ? m.attendees.findIndex((x) => 'memberId' in x && x.memberId === a.memberId) : -1;
      const held = m.attendees[i];
      if (held) {
        // Signed in twice (themself and by the chair, both offline): the earlier by (at, id) is kept.
        if (held.party === a.party && byTime(act, held) < 0) m.attendees[i] = { ...act, ...a };
        return { code: 'already_signed_in' };
      }
      m.attendees.push({ ...act, ...a });
      if (a.party !== 'none' && !m.signingParties.includes(a.party)) m.signingParties.push(a.party);
      return undefined;
    }
    case 'minutes.item.taken-up':
      m.items.push({ ...act, requestId: e.requestId, note: e.note ?? null });
      return undefined;
    case 'minutes.decision.recorded':
      m.decisions.push({
        ...act,
        text: e.text,
        tally: e.tally ?? null,
        ...(e.assembly ? { assembly: e.assembly } : {}),
        requestId: e.requestId ?? null,
      });
      return undefined;
    case 'minutes.action.created':
      m.actionItems.push({
        ...act,
        text: e.text,
        owner: e.owner,
        deadline: e.deadline,
        requestId: e.requestId ?? null,
      });
      return undefined;
    case 'minutes.action.done': {
      const item = m.actionItems.find((a) => a.eventId === e.actionId);
      if (!item) return { code: 'no_such', thing: 'target' };
      if (!sameOwner(item.owner, e.owner)) return { code: 'not_owner' };
      // Marked twice (two phones offline): the earlier mark by (at, id) stands, wherever it sits.
      const held = m.actionsDone[e.actionId];
      if (!held || byTime(act, held) < 0) m.actionsDone[e.actionId] = act;
      return undefined;
    }
    case 'minutes.signed-off': {
      const held = m.signOffs[e.party];
      if (held) {
        // Two members of one party signing at once: the earlier by (at, id) is the party's signature.
        if (byTime(act, held) < 0) m.signOffs[e.party] = act;
        return { code: 'already_signed_off', party: e.party };
      }
      if (!m.signingParties.includes(e.party)) return { code: 'party_absent', party: e.party };
      m.signOffs[e.party] = act;
      if (m.signingParties.every((p) => m.signOffs[p])) {
        m.locked = true;
        // The latest of the signatures that lock it, not the last in the log: two parties signing
        // at once land in either order.
        m.lockedAt = lockTime(m);
      }
      return undefined;
    }
    case 'minutes.amended':
      if (!m.locked) return { code: 'not_locked' };
      m.amendments.push({ ...act, note: e.note });
      return undefined;
    default:
      return exhaustive(e);
  }
}
