import type { RuleKind } from '../events/points.ts';
import { shanghaiDay } from '../time.ts';
import { dutyLength } from './dutyHours.ts';
import type { MeetingState } from './meetings.ts';
import type { AwardSource, PointsAccount, PointsEntry, PointsRule, PointsState } from './points.ts';
import { dutyHours, serviceUnusual } from './pointsHours.ts';
import { servedSignups } from './rosterQueries.ts';
import type { RostersState } from './rosters.ts';

/** Rules by the day they take effect, then as defined: the list a member reads. */
export function rulesByDay(points: PointsState): PointsRule[] {
  return Object.values(points.rules).sort(
    (a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || a.definedAt - b.definedAt || byId(a, b),
  );
}

/** Rules in force on `day`: taken effect, and for each suggested kind only the newest (it replaces the older). */
export function rulesInForce(points: PointsState, day: string): PointsRule[] {
  const started = rulesByDay(points).filter((r) => r.from <= day);
  return started.filter((r) => r.kind === 'other' || ruleFor(points, r.kind, day)?.id === r.id);
}

/** The rule of a kind in force on `day`: the one that took effect last (defined last on a tie). */
export function ruleFor(points: PointsState, kind: Exclude<RuleKind, 'other'>, day: string): PointsRule | undefined {
  let best: PointsRule | undefined;
  for (const r of Object.values(points.rules)) {
    if (r.kind !== kind || r.from > day) continue;
    if (!best || r.from > best.from || (r.from === best.from && newer(r, best))) best = r;
  }
  return best;
}

/** A meeting someone attended, read from its minutes. */
export interface Attendance {
  meetingId: string;
  day: string;
  memberIds: readonly string[];
}

/** A snap report the committee accepted (see snapQueries' acceptedSnapReports). */
export interface AcceptedReport {
  requestId: string;
  memberId: string;
  acceptedAt: number;
}

/** An award the app suggests and a committee member confirms with one tap. */
export interface AwardSuggestion {
  /** Stable across renders: the source and the member. */
  key: string;
  memberId: string;
  source: AwardSource;
  rule: PointsRule;
  /** Hours of duty, or 1. */
  units: number;
  points: number;
  day: string;
  /** For a duty: the minutes served, which the hours are worked out from (`dutyHours`). */
  minutes: number | null;
  /** For a duty: served more than twice its planned length; confirming asks once more. */
  unusual: boolean;
}

/**
 * Awards waiting for a tap: every finished duty shift (checked out) of a whole hour or more, every meeting attended and
 * every accepted snap report,
 * under the rule of its kind in force that day, minus those an award (even one later corrected)
 * already names. Oldest first.
 */
export function awardSuggestions(
  points: PointsState,
  rosters: RostersState,
  attendance: readonly Attendance[] = [],
  reports: readonly AcceptedReport[] = [],
): AwardSuggestion[] {
  const done = awardedSources(points);
  const out: AwardSuggestion[] = [];
  for (const duty of Object.values(rosters.duties)) {
    const rule = ruleFor(points, 'duty_hour', duty.day);
    if (!rule) continue;
    for (const [memberId, signup] of servedSignups(duty)) {
      // Served time, from the phone's check-out or from a correction alone (a volunteer who forgot
      // to check in and out, whose lead wrote the times).
      if (!signup.minutes) continue;
      const source: AwardSource = { kind: 'duty', id: duty.id };
      const key = sourceKey(source, memberId);
      if (done.has(key)) continue;
      // Whole hours served (a few minutes short still count, see pointsHours.ts); none, no award.
      const units = dutyHours(signup.minutes);
      if (units === 0) continue;
      const minutes = signup.minutes;
      const unusual = serviceUnusual(minutes, dutyLength(duty));
      out.push({ key, memberId, source, rule, units, points: rule.points * units, day: duty.day, minutes, unusual });
    }
  }
  for (const meeting of attendance) {
    const rule = ruleFor(points, 'meeting', meeting.day);
    if (!rule) continue;
    for (const memberId of new Set(meeting.memberIds)) {
      const source: AwardSource = { kind: 'meeting', id: meeting.meetingId };
      const key = sourceKey(source, memberId);
      if (done.has(key)) continue;
      out.push({
        key,
        memberId,
        source,
        rule,
        units: 1,
        points: rule.points,
        day: meeting.day,
        minutes: null,
        unusual: false,
      });
    }
  }
  for (const report of reports) {
    const day = shanghaiDay(report.acceptedAt);
    const rule = ruleFor(points, 'snap_report', day);
    if (!rule) continue;
    const source: AwardSource = { kind: 'request', id: report.requestId };
    const key = sourceKey(source, report.memberId);
    if (done.has(key)) continue;
    out.push({
      key,
      memberId: report.memberId,
      source,
      rule,
      units: 1,
      points: rule.points,
      day,
      minutes: null,
      unusual: false,
    });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || (a.key < b.key ? -1 : 1));
}

/** How far back a meeting's attendance is still suggested: its minutes are opened to read it. */
const meetingWindowMs = 60 * 86_400_000;

/**
 * Meetings whose attendance may earn points: held (started, not cancelled) in the last 60 days,
 * with a meeting rule in force on their day. Their minutes are what the suggestions read.
 */
export function meetingsToAward(
  points: PointsState,
  meetings: Readonly<Record<string, MeetingState>>,
  now: number,
): string[] {
  return Object.values(meetings)
    .filter(
      (m) =>
        m.status !== 'cancelled' &&
        m.startsAt <= now &&
        m.startsAt > now - meetingWindowMs &&
        ruleFor(points, 'meeting', shanghaiDay(m.startsAt)) !== undefined,
    )
    .map((m) => m.meetingId)
    .sort();
}

/** `<kind>:<id>:<member>` of every award that names a source. */
function awardedSources(points: PointsState): Set<string> {
  const done = new Set<string>();
  for (const acct of Object.values(points.accounts))
    for (const h of acct.history) if (h.source) done.add(sourceKey(h.source, acct.memberId));
  return done;
}

function sourceKey(source: AwardSource, memberId: string): string {
  return `${source.kind}:${source.id}:${memberId}`;
}

/** One line of a member's history, newest first, with what a correction reversed. */
export interface HistoryLine {
  entry: PointsEntry;
  /** The award or redemption a correction reversed. */
  reversed: PointsEntry | null;
  /** True once a later correction reversed this line. */
  corrected: boolean;
}

/** A member's history, newest first; an account never seen has none. */
export function historyLines(account: PointsAccount | undefined): HistoryLine[] {
  if (!account) return [];
  const byId = new Map(account.history.map((h) => [h.eventId, h]));
  const corrected = new Set(account.history.flatMap((h) => (h.targetEventId === null ? [] : [h.targetEventId])));
  return account.history
    .map((entry) => ({
      entry,
      reversed: entry.targetEventId === null ? null : (byId.get(entry.targetEventId) ?? null),
      corrected: corrected.has(entry.eventId),
    }))
    .sort((a, b) => b.entry.at - a.entry.at || (a.entry.eventId < b.entry.eventId ? 1 : -1));
}

/** A redemption two offline counters both allowed, for the committee to settle. */
export interface Overdraft {
  memberId: string;
  entry: PointsEntry;
  balance: number;
}

/** Redemptions flagged as overdrawn and not corrected since, oldest first. */
export function overdrafts(points: PointsState): Overdraft[] {
  const out: Overdraft[] = [];
  for (const acct of Object.values(points.accounts)) {
    const corrected = new Set(acct.history.flatMap((h) => (h.targetEventId === null ? [] : [h.targetEventId])));
    for (const entry of acct.history)
      if (entry.overdraft && !corrected.has(entry.eventId))
        out.push({ memberId: acct.memberId, entry, balance: acct.balance });
  }
  return out.sort((a, b) => a.entry.at - b.entry.at);
}

/** One redemption code scanned at more than one counter (one offline): the goods may have left each. */
export interface ScannedTwice {
  memberId: string;
  ticket: string;
  goodsId: string | null;
  quantity: number;
  /** Every scan of the code, in (at, id) order; only the one holding the code took points and stock. */
  scans: PointsEntry[];
}

/** How far ahead of the app's clock a shelf count may be stamped and still count as made. */
const countAheadMs = 5 * 60_000;

/** How long a code scanned twice stays on the committee's list after its last scan: time to count the shelf. */
const scannedTwiceWindowMs = 30 * 86_400_000;

/**
 * Codes scanned at two counters or more whose last scan is under 30 days old and whose goods were
 * not counted since (盘点), oldest first. The points and the stock moved once; the committee counts
 * the shelf, since both counters may have handed the goods over.
 */
export function scannedTwice(points: PointsState, now: number): ScannedTwice[] {
  const out: ScannedTwice[] = [];
  for (const acct of Object.values(points.accounts)) {
    const byTicket = new Map<string, PointsEntry[]>();
    for (const h of acct.history) {
      if (h.kind !== 'redeem' || h.ticket === null) continue;
      const list = byTicket.get(h.ticket);
      if (list) list.push(h);
      else byTicket.set(h.ticket, [h]);
    }
    for (const [ticket, scans] of byTicket) {
      const last = scans[scans.length - 1] as PointsEntry;
      if (scans.length < 2 || last.at <= now - scannedTwiceWindowMs) continue;
      const first = scans[0] as PointsEntry;
      // The shelf was counted since: the stock follows what was there, goods given twice or not. A
      // count stamped well ahead of now (a phone's clock, within the relay's day of allowance)
      // counted nothing yet; the app's clock ticks once a minute, so a few minutes ahead are now.
      const counted = first.goodsId === null ? undefined : points.goods[first.goodsId]?.lastCount;
      if (counted && counted.at > last.at && counted.at <= now + countAheadMs) continue;
      out.push({ memberId: acct.memberId, ticket, goodsId: first.goodsId, quantity: first.quantity ?? 1, scans });
    }
  }
  return out.sort((a, b) => (a.scans[0] as PointsEntry).at - (b.scans[0] as PointsEntry).at);
}

/**
 * The scan holding the code of a redemption that counts for nothing because of it (`ticketUsed`):
 * the other counter's. The fold marks every scan after the holder, so it is the last one unmarked.
 */
export function ticketHolder(account: PointsAccount | undefined, entry: PointsEntry): PointsEntry | undefined {
  if (!account || !entry.ticketUsed) return undefined;
  let holder: PointsEntry | undefined;
  for (const h of account.history)
    if (h.kind === 'redeem' && h.ticket === entry.ticket && h !== entry && !h.ticketUsed) holder = h;
  return holder;
}

/**
 * The line of this event, if it can still be corrected: an award or a redemption no correction has
 * reversed yet (a correction itself is not corrected; a second one would be refused). `memberId`:
 * only in that member's account (their points page, which must not open another member's line).
 */
export function correctableEntry(points: PointsState, eventId: string, memberId?: string): PointsEntry | undefined {
  const accounts =
    memberId === undefined
      ? Object.values(points.accounts)
      : Object.hasOwn(points.accounts, memberId)
        ? [points.accounts[memberId]]
        : [];
  for (const account of accounts) {
    if (!account) continue;
    const entry = account.history.find((h) => h.eventId === eventId);
    if (entry) return entry.kind !== 'correction' && !isCorrected(points, eventId) ? entry : undefined;
  }
  return undefined;
}

/** The account holding the line of this event (an award, a redemption or a correction). */
export function accountOf(points: PointsState, eventId: string): PointsAccount | undefined {
  return Object.values(points.accounts).find((a) => a.history.some((h) => h.eventId === eventId));
}

/** True if some account holds a correction of the line of this event. */
export function isCorrected(points: PointsState, eventId: string): boolean {
  for (const acct of Object.values(points.accounts))
    if (acct.history.some((h) => h.targetEventId === eventId)) return true;
  return false;
}

/** True if the account holds a redemption with this one-time id. */
export function ticketUsed(account: PointsAccount | undefined, ticket: string): boolean {
  return ticketRedemption(account, ticket) !== undefined;
}

/**
 * The redemption a one-time id (a QR's ticket) stands for, once a counter's scan of it is in the
 * account: the earliest scan by (at, id), the one that took the points unless corrected since.
 */
export function ticketRedemption(account: PointsAccount | undefined, ticket: string): PointsEntry | undefined {
  return account?.history.find((h) => h.kind === 'redeem' && h.ticket === ticket);
}

function newer(a: PointsRule, b: PointsRule): boolean {
  return a.definedAt > b.definedAt || (a.definedAt === b.definedAt && a.id > b.id);
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
