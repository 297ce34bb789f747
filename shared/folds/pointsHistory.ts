/** An account's history lines: where each goes, and what each counts for (repeat awards, tickets, corrections). */
import type { PointsAccount, PointsEntry } from './points.ts';

const earlier = (a: PointsEntry, b: PointsEntry) => a.at < b.at || (a.at === b.at && a.eventId < b.eventId);

/**
 * Puts a line in its (at, id) place in the history, then settles what each line counts for from
 * the whole history, so the account is the same whichever order Yjs merged its events in.
 */
export function record(acct: PointsAccount, line: PointsEntry): void {
  const history = acct.history;
  let i = history.length;
  while (i > 0 && earlier(line, history[i - 1] as PointsEntry)) i--;
  // Stamped before lines already held (an offline phone, a clock behind), or a one-time id scanned
  // twice (which scan holds it may change): lines before it may change.
  if (i < history.length || sharesTicket(history, line)) {
    history.splice(i, 0, line);
    settle(acct);
    return;
  }
  // The latest line: what it counts for follows from the account as it stands, as `settle` would say.
  history.push(line);
  const taken = line.targetEventId;
  let counted: number;
  let alreadyCorrected = false;
  if (taken !== null) {
    const target = findLine(history, taken);
    // The earlier correction of the line stands; this one changes nothing.
    alreadyCorrected = history.some((h) => h !== line && h.targetEventId === taken);
    counted = target && target.delta !== 0 && !alreadyCorrected ? line.amount : 0;
    const key = target && sourceKey(target);
    if (key && !alreadyCorrected && acct.paying[key] === taken) delete acct.paying[key];
  } else {
    const key = sourceKey(line);
    const repeat = key !== undefined && acct.paying[key] !== undefined;
    // No correction of it can be held yet: a correction comes after what it corrects in the log.
    if (key !== undefined && !repeat) acct.paying[key] = line.eventId;
    counted = repeat ? 0 : line.amount;
  }
  // The line is new, not yet in a published account: it is settled in place.
  line.delta = counted;
  line.overdraft = line.kind === 'redeem' && counted !== 0 && acct.balance < -counted;
  line.alreadyAwarded = line.kind === 'award' && counted !== line.amount;
  line.alreadyCorrected = alreadyCorrected;
  acct.balance += counted;
}

/**
 * True if another redemption holds the line's one-time id, or the line corrects a redemption whose
 * one-time id another redemption holds too.
 */
function sharesTicket(history: readonly PointsEntry[], line: PointsEntry): boolean {
  const ticket = line.targetEventId === null ? line.ticket : (findLine(history, line.targetEventId)?.ticket ?? null);
  if (ticket === null) return false;
  let scans = line.targetEventId === null ? 1 : 0;
  for (const h of history) if (h.ticket === ticket && h.targetEventId === null && ++scans > 1) return true;
  return false;
}

/** The line of an event, looked for from the newest (a correction mostly takes back a recent one). */
function findLine(history: readonly PointsEntry[], eventId: string): PointsEntry | undefined {
  for (let i = history.length - 1; i >= 0; i--) if ((history[i] as PointsEntry).eventId === eventId) return history[i];
  return undefined;
}

/**
 * What each line counts for, walking the history in (at, id) order. Of a rule's awards for one
 * source, one pays at a time: a later one while it stands counts for nothing (`alreadyAwarded`);
 * once a correction takes it back, the next award may pay. Of the redemptions of one one-time id,
 * one counts: the earliest never taken back, else the earliest; a later one counts for nothing
 * (`ticketUsed`), an earlier one taken back neither (the ticket passed on, so its correction has
 * nothing to take back). Of the corrections of one line the earliest takes back what the line
 * counted for; the others count for nothing (`alreadyCorrected`). A redemption past the balance at
 * its time is flagged `overdraft`. Lines are replaced, never changed: a published account shares them.
 */
function settle(acct: PointsAccount): void {
  const history = acct.history;
  const byId = new Map<string, PointsEntry>();
  /** The correction that stands for each line it takes back: the earliest. */
  const standing = new Map<string, string>();
  const scans = new Map<string, PointsEntry[]>();
  for (const h of history) {
    byId.set(h.eventId, h);
    if (h.targetEventId !== null) {
      if (!standing.has(h.targetEventId)) standing.set(h.targetEventId, h.eventId);
    } else if (h.ticket !== null) {
      const list = scans.get(h.ticket);
      if (list) list.push(h);
      else scans.set(h.ticket, [h]);
    }
  }
  const holder = new Map<string, PointsEntry>();
  for (const [ticket, list] of scans)
    holder.set(ticket, list.find((s) => !standing.has(s.eventId)) ?? (list[0] as PointsEntry));
  const paying = new Map<string, string>();
  const takenBack = new Set<string>();
  const counts = new Map<string, number>();
  for (const h of history) {
    if (h.targetEventId !== null) {
      if (standing.get(h.targetEventId) !== h.eventId) continue;
      takenBack.add(h.targetEventId);
      const target = byId.get(h.targetEventId);
      const key = target && sourceKey(target);
      if (key && paying.get(key) === target.eventId) paying.delete(key);
      continue;
    }
    if (h.ticket !== null) {
      counts.set(h.eventId, holder.get(h.ticket) === h ? h.amount : 0);
      continue;
    }
    const key = sourceKey(h);
    const repeat = key !== undefined && paying.has(key);
    // A line taken back before its own time (a phone's clock behind) never stands.
    if (key !== undefined && !repeat && !takenBack.has(h.eventId)) paying.set(key, h.eventId);
    counts.set(h.eventId, repeat ? 0 : h.amount);
  }
  let balance = 0;
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as PointsEntry;
    const alreadyCorrected = h.targetEventId !== null && standing.get(h.targetEventId) !== h.eventId;
    const counted =
      h.targetEventId === null
        ? (counts.get(h.eventId) ?? 0)
        : counts.get(h.targetEventId) && !alreadyCorrected
          ? h.amount
          : 0;
    const overdraft = h.kind === 'redeem' && counted !== 0 && balance < -counted;
    const alreadyAwarded = h.kind === 'award' && counted !== h.amount;
    const first = h.ticket !== null ? holder.get(h.ticket) : undefined;
    const ticketUsed = first !== undefined && first !== h && earlier(first, h);
    balance += counted;
    if (
      h.delta !== counted ||
      h.overdraft !== overdraft ||
      h.alreadyAwarded !== alreadyAwarded ||
      h.ticketUsed !== ticketUsed ||
      h.alreadyCorrected !== alreadyCorrected
    )
      history[i] = { ...h, delta: counted, overdraft, alreadyAwarded, ticketUsed, alreadyCorrected };
  }
  acct.balance = balance;
  acct.paying = Object.fromEntries(paying);
}

/** `<kind>:<id>` of what a rule's award pays for; undefined for any other line. */
function sourceKey(h: PointsEntry): string | undefined {
  return h.kind === 'award' && h.ruleId !== null && h.source ? `${h.source.kind}:${h.source.id}` : undefined;
}
