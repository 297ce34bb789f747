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
  /**
   * `assembly` only on an owners' assembly's 双过半 count, `supersededBy` (the upholding's event id) only
   * on a decision another was upheld over (以这条为准): absent, not null, so older minutes hash alike.
   */
  decisions: (MinutesAct & {
    text: string;
    tally: Tally | null;
    assembly?: AssemblyTally;
    requestId: string | null;
    supersededBy?: string;
  })[];
  /**
   * 以这条为准, in (at, id) order: the earliest on a request names the decision that stands over the
   * others on it. More than one on a request were written at once (shown).
   */
  upholdings: (MinutesAct & { decisionId: string; requestId: string })[];
  actionItems: ActionItem[];
  /** Action items marked done, by the item's event id; not part of what was signed (see minutesHash). */
  actionsDone: Record<string, MinutesAct>;
  signOffs: Partial<Record<Party, MinutesAct>>;
  /** Parties present (through any attendee sitting for them, guests too): who may sign. */
  signingParties: Party[];
  /**
   * Parties present through a member of the compound: the minutes lock once each has signed. A guest
   * sitting for a party (signed in by name) does not sign in the app, so makes no party wait for them.
   */
  requiredParties: Party[];
  /** Locked once every required party signed; later changes are amendments only. */
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
  | 'minutes.decision.upheld'
  | 'minutes.action.created'
  | 'minutes.action.done'
  | 'minutes.signed-off'
  | 'minutes.amended'
>;

/** An event of one kind with its place in the log, for an anomaly listed in log order. */
interface Placed<T> {
  e: T;
  pos: number;
}

/**
 * Folds one meeting's minutes events (small logs: no incremental fold needed). What they hold does
 * not depend on where Yjs placed concurrent events: every sign-in, item, decision and action item the
 * log holds counts, since the relay takes none once its copy is locked, wherever Yjs then put it; the
 * minutes are locked once every party present has signed, at the latest of those signatures; of two
 * sign-ins of one member, two signatures of one party or two done marks of one item, the earlier by
 * (at, id) stands. Amendments count once the minutes are locked.
 */
export function foldMinutes(events: readonly unknown[]): MinutesState {
  const m: MinutesState = {
    attendees: [],
    items: [],
    decisions: [],
    upholdings: [],
    actionItems: [],
    // Keyed by ids members choose: no prototype, so an item named `constructor` is not "done".
    actionsDone: Object.create(null) as Record<string, MinutesAct>,
    signOffs: {},
    signingParties: [],
    requiredParties: [],
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
  const flagged: Placed<Anomaly>[] = [];
  const flag = (pos: number, e: { id: string; type: string }, reason: AnomalyReason) =>
    flagged.push({ pos, e: { eventId: e.id, type: e.type, reason } });
  const signIns: Placed<EventOf<'minutes.signed-in'>>[] = [];
  const signOffs: Placed<EventOf<'minutes.signed-off'>>[] = [];
  const marks: Placed<EventOf<'minutes.action.done'>>[] = [];
  const amendments: Placed<EventOf<'minutes.amended'>>[] = [];
  const upholds: Placed<EventOf<'minutes.decision.upheld'>>[] = [];
  events.forEach((raw, pos) => {
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      const id = (raw as { id?: unknown } | null)?.id;
      flag(pos, { id: typeof id === 'string' ? id : '', type: parsed.type }, { code: 'schema', issue: parsed.why });
      return;
    }
    const e = parsed.event;
    if ((count.get(e.id) ?? 0) > 1) flag(pos, e, { code: 'duplicate_id' });
    else if (!e.type.startsWith('minutes.')) flag(pos, e, { code: 'wrong_document' });
    else {
      const step = e as MinutesEvent;
      switch (step.type) {
        case 'minutes.signed-in':
          signIns.push({ e: step, pos });
          break;
        case 'minutes.signed-off':
          signOffs.push({ e: step, pos });
          break;
        case 'minutes.action.done':
          marks.push({ e: step, pos });
          break;
        case 'minutes.amended':
          amendments.push({ e: step, pos });
          break;
        case 'minutes.decision.upheld':
          upholds.push({ e: step, pos });
          break;
        default:
          record(m, step);
      }
    }
  });
  for (const { e, pos } of upholds.sort(byStamp)) {
    const why = uphold(m, e);
    if (why) flag(pos, e, why);
  }
  for (const { e, pos } of signIns.sort(byStamp)) {
    const why = signIn(m, e);
    if (why) flag(pos, e, why);
  }
  for (const { e, pos } of signOffs.sort(byStamp)) {
    const why = signOff(m, e);
    if (why) flag(pos, e, why);
  }
  m.locked = m.requiredParties.length > 0 && m.requiredParties.every((p) => m.signOffs[p]);
  for (const { e, pos } of marks.sort(byStamp)) {
    const why = markDone(m, e);
    if (why) flag(pos, e, why);
  }
  for (const { e, pos } of amendments) {
    if (m.locked) m.amendments.push({ ...actOf(e), note: e.note });
    else flag(pos, e, { code: 'not_locked' });
  }
  // Lists in a canonical order, not the log's: concurrent sign-ins land in whichever order Yjs places them.
  for (const list of [m.attendees, m.items, m.decisions, m.upholdings, m.actionItems, m.amendments]) list.sort(byTime);
  if (m.locked) m.lockedAt = lockTime(m);
  for (const list of [m.signingParties, m.requiredParties])
    list.sort((a, b) => parties.indexOf(a) - parties.indexOf(b));
  m.anomalies = flagged.sort((a, b) => a.pos - b.pos).map((f) => f.e);
  return m;
}

/** True when two owners are the same party or the same member. */
export function sameOwner(a: Owner, b: Owner): boolean {
  return 'memberId' in a ? 'memberId' in b && a.memberId === b.memberId : 'party' in b && a.party === b.party;
}

/**
 * When the minutes locked: the latest of the signatures, not the last in the log (two parties
 * signing at once land in either order). Every signature, a guest's party's too: minutes locked
 * before guests stopped counting as signers keep the time (and the hash) their paper carries.
 */
function lockTime(m: MinutesState): number {
  return Math.max(...m.signingParties.map((p) => m.signOffs[p]?.at ?? 0));
}

function byTime(a: MinutesAct, b: MinutesAct): number {
  return a.at - b.at || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

function byStamp(a: Placed<{ at: number; id: string }>, b: Placed<{ at: number; id: string }>): number {
  return a.e.at - b.e.at || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0);
}

function actOf(e: { id: string; at: number; by: string }): MinutesAct {
  return { eventId: e.id, at: e.at, by: e.by };
}

/**
 * What may follow the lock: an amendment, and marking an action item done (work reported, not the
 * minutes changed). The relay refuses anything else once its copy is locked.
 */
export const afterLock: ReadonlySet<string> = new Set(['minutes.amended', 'minutes.action.done']);

/** An item, decision or action item: each counts, wherever the log holds it. */
function record(
  m: MinutesState,
  e: EventOf<'minutes.item.taken-up' | 'minutes.decision.recorded' | 'minutes.action.created'>,
): void {
  const act = actOf(e);
  switch (e.type) {
    case 'minutes.item.taken-up':
      m.items.push({ ...act, requestId: e.requestId, note: e.note ?? null });
      return;
    case 'minutes.decision.recorded':
      m.decisions.push({
        ...act,
        text: e.text,
        tally: e.tally ?? null,
        ...(e.assembly ? { assembly: e.assembly } : {}),
        requestId: e.requestId ?? null,
      });
      return;
    case 'minutes.action.created':
      m.actionItems.push({
        ...act,
        text: e.text,
        owner: e.owner,
        deadline: e.deadline,
        requestId: e.requestId ?? null,
      });
      return;
    default:
      exhaustive(e);
  }
}

/** A sign-in, taken in (at, id) order: a member signed in twice (themself and by the chair) keeps the earlier. */
function signIn(m: MinutesState, e: EventOf<'minutes.signed-in'>): AnomalyReason | undefined {
  const a = e.attendee;
  if ('memberId' in a && m.attendees.some((x) => 'memberId' in x && x.memberId === a.memberId))
    return { code: 'already_signed_in' };
  m.attendees.push({ ...actOf(e), ...a });
  if (a.party !== 'none' && !m.signingParties.includes(a.party)) m.signingParties.push(a.party);
  if (a.party !== 'none' && 'memberId' in a && !m.requiredParties.includes(a.party)) m.requiredParties.push(a.party);
  return undefined;
}

/** A signature, taken in (at, id) order once every sign-in is: two members of one party signing, the earlier is the party's. */
function signOff(m: MinutesState, e: EventOf<'minutes.signed-off'>): AnomalyReason | undefined {
  if (m.signOffs[e.party]) return { code: 'already_signed_off', party: e.party };
  if (!m.signingParties.includes(e.party)) return { code: 'party_absent', party: e.party };
  m.signOffs[e.party] = actOf(e);
  return undefined;
}

/**
 * 以这条为准, taken in (at, id) order once every decision is in: one that counts (`countsAsSettling`)
 * supersedes the request's other decisions stamped before it (those its author could have seen); a
 * decision stamped after it stays open beside the upheld one, a conflict again. One that does not
 * count is kept, shown beside it. One naming no decision about a request is ignored (its author's
 * copy held the decision), and so is one stamped before the decision it names (back-dated).
 */
function uphold(m: MinutesState, e: EventOf<'minutes.decision.upheld'>): AnomalyReason | undefined {
  const upheld = m.decisions.find((d) => d.eventId === e.decisionId);
  const requestId = upheld?.requestId;
  if (!requestId) return { code: 'no_such', thing: 'target' };
  if (stampedBefore({ at: e.at, eventId: e.id }, upheld)) return { code: 'before_target' };
  const settling = { ...actOf(e), decisionId: e.decisionId, requestId };
  const counts = countsAsSettling(m, settling);
  m.upholdings.push(settling);
  if (!counts) return undefined;
  for (const d of m.decisions) {
    if (d.requestId !== requestId) continue;
    if (d === upheld) delete d.supersededBy;
    else if (stampedBefore(d, settling)) d.supersededBy = e.id;
  }
  return undefined;
}

/** True if `a` is stamped before `b` by (at, id). */
export function stampedBefore(a: { at: number; eventId: string }, b: { at: number; eventId: string }): boolean {
  return a.at < b.at || (a.at === b.at && a.eventId < b.eventId);
}

/**
 * Whether a settlement on its request counts, given those before it by (at, id) in `m.upholdings`:
 * the first does, and a later one once a decision on the request is stamped between the last that
 * counted and it (the meeting came back to the request). Others were written at once on phones that
 * had not seen the one that counts.
 */
export function countsAsSettling(
  m: Pick<MinutesState, 'decisions' | 'upholdings'>,
  u: MinutesState['upholdings'][number],
): boolean {
  let last: MinutesState['upholdings'][number] | undefined;
  for (const x of m.upholdings) {
    if (x.requestId !== u.requestId || !stampedBefore(x, u)) continue;
    if (!last || reopened(m, last, x)) last = x;
  }
  return !last || reopened(m, last, u);
}

function reopened(
  m: Pick<MinutesState, 'decisions'>,
  last: MinutesState['upholdings'][number],
  next: MinutesState['upholdings'][number],
): boolean {
  return m.decisions.some((d) => d.requestId === last.requestId && stampedBefore(last, d) && stampedBefore(d, next));
}

/** A done mark, taken in (at, id) order: marked twice (two phones offline), the earlier stands. */
function markDone(m: MinutesState, e: EventOf<'minutes.action.done'>): AnomalyReason | undefined {
  const item = m.actionItems.find((a) => a.eventId === e.actionId);
  if (!item) return { code: 'no_such', thing: 'target' };
  if (!sameOwner(item.owner, e.owner)) return { code: 'not_owner' };
  m.actionsDone[e.actionId] ??= actOf(e);
  return undefined;
}
