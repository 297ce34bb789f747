import * as Y from 'yjs';
import type { AppEvent } from '../../shared/events/index.ts';
import { afterLock } from '../../shared/folds/foldMinutes.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { isCausal } from '../../shared/rules/causal.ts';
import { expenseRefusal, isExpenseStep } from '../../shared/rules/expenseRefusal.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { synced } from '../helpers/clients.ts';
import { checkFolds } from './checkFolds.ts';
import {
  closeFuzzCompound,
  destroyHonest,
  type FuzzCompound,
  type FuzzDoc,
  openFuzzCompound,
  openHonest,
  type Seat,
} from './FuzzCompound.ts';
import { FuzzStats, refusalKey } from './FuzzStats.ts';
import {
  awarenessFrame,
  carried,
  type Frame,
  mutatedFrame,
  randomFrame,
  type SenderContext,
  validDraft,
  writeDraft,
} from './frames.ts';
import { type Outcome, RawPeer } from './RawPeer.ts';

/** The server under test, however it runs. */
export interface FuzzTarget {
  url: string;
  wsUrl: string;
  /** Every update stored for a room, oldest first, as the relay would load them. */
  storedUpdates(room: string): Promise<Uint8Array[]>;
  /** The server's resident set size, in bytes. */
  rssBytes(): number;
}

export interface FuzzOptions {
  seed: number;
  frames: number;
  /** Folds are compared (relay store, mirror, every honest client) every this many frames and at the end. */
  checkEvery: number;
  /** The run fails if the server's RSS goes over this. */
  maxRssBytes: number;
  /** From this frame index on, folds are compared after every frame (to find the frame that broke one). */
  checkFrom?: number;
  /** Stops early (after a fold check) once this time, ms since epoch, has passed. */
  deadline?: number;
  /** Called after every fold check, e.g. to print progress. */
  onCheck?: (stats: FuzzStats) => void;
}

/** An invariant that broke, with the frame that broke it (the seed and the index replay it). */
export class InvariantError extends Error {
  /** The figures up to the break. */
  stats: FuzzStats | undefined;

  constructor(frameIndex: number, frame: Frame | undefined, what: string) {
    super(`frame ${frameIndex} (${frame?.kind ?? 'none'} ${frame?.label ?? ''}): ${what}`);
    this.name = 'InvariantError';
  }
}

const fingerprint = (d: FuzzDoc) =>
  `${Buffer.from(Y.encodeStateVector(d.mirror.doc)).toString('hex')}|${d.view.events.length}|${d.view.notes.length}`;

/**
 * Sends `frames` seeded frames through members' bare sockets and stock clients, and after each one
 * checks that only its sender may have been closed, that a refused frame changed nothing, that every
 * honest client holds what the relay holds and that the server answers `/healthz`; every
 * `checkEvery` frames it compares folds and RSS. Throws an InvariantError at the first break.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzStats> {
  const rng = new Prng(options.seed);
  const stats = new FuzzStats();
  const compound = await openFuzzCompound(target.url, target.wsUrl, rng, options.seed);
  /** Ids that only refused frames carried: they must never reach the log. */
  const refusedIds = new Set<string>();
  let index = 0;
  let frame: Frame | undefined;
  const fail = (what: string): never => {
    throw new InvariantError(index, frame, what);
  };
  try {
    for (index = 0; index < options.frames; index++) {
      frame = undefined;
      const doc = compound.docs[rng.chance(0.7) ? 0 : 1]!;
      const r = rng.next();
      const kind = r < 0.3 ? 'valid' : r < 0.65 ? 'mutated' : r < 0.8 ? 'awareness' : 'random';
      const before = fingerprint(doc);
      const sent = await sendOne(kind, doc, compound, target, rng, stats);
      frame = sent.frame;
      stats.frames++;
      stats.byKind[frame.kind]++;
      // The mirror's answer comes after whatever the relay forwarded to it for this frame.
      const mirrored = await doc.mirror.probe(Y.encodeStateVector(doc.mirror.doc));
      if (mirrored.closed) fail(`the mirror was closed: ${mirrored.code} ${mirrored.reason}`);
      const after = fingerprint(doc);
      if (sent.outcome.closed) {
        const key = refusalKey(sent.outcome.code, sent.outcome.reason);
        stats.count(stats.refused, key);
        if (frame.kind === 'valid' && sent.outcome.reason.startsWith('foreign_client') && frame.label !== 'honest') {
          // Another seat's mutated frame wrote first under this bare socket's client id; a Y.Doc
          // that sees its id taken picks a new one, and so does the seat.
          stats.count(stats.causalRefused, key);
          sent.seat.client = rng.int(1, 2 ** 31);
        } else if (frame.kind === 'valid') {
          const causal = breaksCausalRule(doc, frame.events ?? []);
          stats.count(causal ? stats.causalRefused : stats.validRefused, `${key} (${frame.label})`);
        }
        if (after !== before) fail(`refused with ${key}, yet the relay's document changed`);
        for (const id of sent.newIds) refusedIds.add(id);
        await reopen(sent.seat, doc, target.wsUrl);
      } else {
        stats.accepted++;
        if (after !== before) {
          stats.changed++;
          if (frame.duplicateId) stats.acceptedDuplicateIds++;
          if (frame.kind === 'mutated') for (const m of frame.label.split('+')) stats.count(stats.mutatedThrough, m);
        }
        for (const id of frame.ids) refusedIds.delete(id);
      }
      for (const id of refusedIds) if (doc.view.idSet.has(id)) fail(`event ${id} of a refused frame reached the log`);
      checkOthersOpen(compound, sent.seat, fail);
      await converged(doc, fail);
      if (sent.frame.label === 'honest') await healthz(target, stats, frame);
      if (stats.healthFailure) fail(stats.healthFailure);
      if (
        (index + 1) % options.checkEvery === 0 ||
        index + 1 === options.frames ||
        index >= (options.checkFrom ?? Infinity)
      ) {
        await checkFolds(target, compound, stats, fail);
        sampleRss(target, stats, options, fail);
        options.onCheck?.(stats);
        if (options.deadline !== undefined && Date.now() > options.deadline) break;
      }
    }
  } catch (e) {
    if (e instanceof InvariantError) e.stats = stats;
    throw e;
  } finally {
    await closeFuzzCompound(compound);
  }
  return stats;
}

interface Sent {
  frame: Frame;
  seat: Seat;
  /** Whether the sender was closed (a bare socket, or an honest client writing). */
  outcome: Outcome;
  /** Ids the frame carried that the log did not hold before it. */
  newIds: string[];
}

async function sendOne(
  kind: Frame['kind'],
  doc: FuzzDoc,
  compound: FuzzCompound,
  target: FuzzTarget,
  rng: Prng,
  stats: FuzzStats,
): Promise<Sent> {
  const wsUrl = target.wsUrl;
  const seatOf = (memberId: string) => doc.seats.find((s) => s.member.memberId === memberId)!;
  let seat = rng.pick(doc.seats);
  let events: Record<string, unknown>[] = [];
  if (kind === 'valid') {
    const first = doc.pool.next();
    seat = seatOf(first.author.memberId);
    events = [first.event];
    // A phone's batch: further events of the same author, if they come next.
    while (events.length < 3 && rng.chance(0.3) && doc.pool.peek().author.memberId === seat.member.memberId)
      events.push(doc.pool.next().event);
    if (rng.chance(0.4)) return honestWrite(doc, seat, events, rng, stats);
  }
  const ctx = senderContext(doc, seat, compound, rng);
  let frame: Frame;
  if (kind === 'valid') {
    const draft = validDraft(ctx, events);
    const label = draft.events.length > 0 ? 'events' : 'notes';
    frame = { kind, label, bytes: writeDraft(draft), ...carried(draft, doc.view), events: draft.events };
  } else if (kind === 'mutated') frame = mutatedFrame(ctx, doc.pool);
  else if (kind === 'awareness') frame = awarenessFrame(ctx);
  else frame = randomFrame(rng);
  const newIds = frame.ids.filter((id) => !doc.view.idSet.has(id));
  await seat.reopening?.catch(() => undefined);
  if (!seat.sender.open) seat.sender = await RawPeer.open(wsUrl, seat.session, doc.name);
  const started = performance.now();
  const probing = seat.sender.probe(Y.encodeStateVector(doc.mirror.doc), frame.bytes);
  // Asked while the frame is on its way: the answer waits for whatever the frame blocks.
  const health = healthz(target, stats, frame);
  const outcome = await probing;
  const ms = performance.now() - started;
  await health;
  if (ms > stats.maxFrameMs) {
    stats.maxFrameMs = ms;
    stats.maxFrameLabel = `${frame.kind} ${frame.label} (${frame.bytes.length} bytes)`;
  }
  return { frame, seat, outcome, newIds };
}

/** An honest member's stock client writes valid events (or types minutes text) as the app would. */
/**
 * True if the relay was right to refuse these valid events by a causal rule: folded after what the
 * relay holds (it refused them, so it holds what it held before), one names what the log lacks,
 * repeats an id, or changes locked minutes. Pool events are sample events rewritten onto the
 * fuzz compound's members, so many name requests or funds this compound never had.
 */
function breaksCausalRule(doc: FuzzDoc, events: readonly Record<string, unknown>[]): boolean {
  // A notes edit is refused once the minutes are locked.
  if (events.length === 0) return doc.minutes && foldMinutes(doc.view.events.toArray()).locked;
  const log = [...doc.view.events.toArray(), ...events];
  const ids = new Set(events.map((e) => e.id));
  if (doc.minutes) {
    // Locked minutes on the relay take nothing but amendments and done marks, whatever the fold
    // would make of an event stamped before the lock.
    const locked = foldMinutes(doc.view.events.toArray()).locked;
    if (locked && events.some((e) => !afterLock.has(String(e.type)))) return true;
    return foldMinutes(log).anomalies.some((a) => ids.has(a.eventId) && isCausal(a.reason));
  }
  const state = foldEvents(log);
  // Written after all the relay holds, a redemption's overdraft or reused one-time id, a second
  // correction of a points line, and a payment above a limit or of a refused expense (or a signature
  // beside them), are their writer's own: the writer's copy held what they break.
  const overdrawn = Object.values(state.points.accounts).some((acct) =>
    acct.history.some(
      (h) =>
        ids.has(h.eventId) &&
        (h.overdraft ||
          acct.history.some(
            (o) =>
              o !== h &&
              ((h.ticket !== null && o.ticket === h.ticket) ||
                (h.targetEventId !== null && o.targetEventId === h.targetEventId)),
          )),
    ),
  );
  const heldAll = (candidates: readonly string[]) => new Set(candidates);
  const expenseBroken = events.some((e) => {
    const event = e as unknown as AppEvent;
    return isExpenseStep(event) && expenseRefusal(state.ledger, event, heldAll) !== undefined;
  });
  return overdrawn || expenseBroken || state.anomalies.some((a) => ids.has(a.eventId) && isCausal(a.reason));
}

async function honestWrite(
  doc: FuzzDoc,
  seat: Seat,
  events: Record<string, unknown>[],
  rng: Prng,
  stats: FuzzStats,
): Promise<Sent> {
  const client = seat.honest.client;
  const frame: Frame = { kind: 'valid', label: 'honest', bytes: new Uint8Array(0), ids: [], duplicateId: false };
  const closes = client.closes.length;
  if (doc.minutes && rng.chance(0.2))
    client.doc.getText('notes').insert(rng.int(0, client.doc.getText('notes').length), '记录。');
  else {
    client.events.push(events);
    frame.events = events;
    frame.ids = events.map((e) => e.id as string);
    frame.duplicateId = frame.ids.some((id) => doc.view.idSet.has(id));
  }
  const newIds = frame.ids.filter((id) => !doc.view.idSet.has(id));
  stats.honestWrites++;
  const mine = Y.encodeStateVector(client.doc);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const closed = client.closes[closes];
    if (closed) return { frame, seat, outcome: { closed: true, ...closed }, newIds };
    if (Buffer.compare(Y.encodeStateVector(doc.mirror.doc), mine) === 0)
      return { frame, seat, outcome: { closed: false }, newIds };
    if (Date.now() > deadline)
      throw new InvariantError(stats.frames, frame, 'an honest write was neither forwarded nor refused');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * An honest client the relay closed starts over with a fresh copy; a closed bare socket is replaced
 * in the background, and waited for when its seat sends next.
 */
async function reopen(seat: Seat, doc: FuzzDoc, wsUrl: string): Promise<void> {
  if (seat.honest.client.closes.length > 0) {
    destroyHonest(seat.honest);
    seat.honest = openHonest(wsUrl, seat.session, doc.name);
    await synced(seat.honest.client);
  }
  if (seat.sender.open || seat.reopening) return;
  seat.reopening = RawPeer.open(wsUrl, seat.session, doc.name).then((peer) => {
    seat.sender = peer;
    seat.reopening = undefined;
  });
}

/** Every connection but the frame's sender is still open. */
function checkOthersOpen(compound: FuzzCompound, sender: Seat, fail: (what: string) => never): void {
  for (const d of compound.docs) {
    if (d.mirror.closeInfo) fail(`the mirror of ${d.name} was closed: ${JSON.stringify(d.mirror.closeInfo)}`);
    for (const s of d.seats) {
      if (s === sender) continue;
      const who = `${s.member.name} on ${d.name}`;
      if (s.honest.client.closes.length > 0)
        fail(`the honest client of ${who} was closed: ${JSON.stringify(s.honest.client.closes)}`);
      if (!s.honest.client.provider.wsconnected) fail(`the honest client of ${who} is not connected`);
      if (!s.sender.open && !s.reopening)
        fail(`the bare socket of ${who} was closed: ${JSON.stringify(s.sender.closeInfo)}`);
    }
  }
}

/** Every honest client of the document comes to hold what the relay holds. */
async function converged(doc: FuzzDoc, fail: (what: string) => never): Promise<void> {
  const deadline = Date.now() + 10_000;
  const target = Y.encodeStateVector(doc.mirror.doc);
  for (;;) {
    const behind = doc.seats.filter((s) => {
      const d = s.honest.client.doc;
      return (
        Buffer.compare(Y.encodeStateVector(d), target) !== 0 ||
        s.honest.client.events.length !== doc.view.events.length ||
        d.getText('notes').length !== doc.view.notes.length
      );
    });
    if (behind.length === 0) return;
    if (Date.now() > deadline)
      fail(`${behind.map((s) => s.member.name).join(', ')} never caught up with the relay on ${doc.name}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Times a `/healthz` round trip; a failure is noted in the stats and reported after the frame. A
 * network error is asked once more: a kept-alive socket the server closed as idle fails the first try.
 */
async function healthz(target: FuzzTarget, stats: FuzzStats, frame: Frame): Promise<void> {
  const started = performance.now();
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(`${target.url}/healthz`);
      await res.arrayBuffer();
      if (!res.ok) stats.healthFailure = `/healthz answered ${res.status}`;
      break;
    } catch (e) {
      if (attempt === 2) {
        stats.healthFailure = `/healthz failed: ${String(e)} ${String((e as Error).cause)}`;
        break;
      }
    }
  }
  const ms = performance.now() - started;
  if (ms > stats.maxHealthzMs) {
    stats.maxHealthzMs = ms;
    stats.maxHealthzAfter = `${frame.kind} ${frame.label}`;
  }
}

function sampleRss(target: FuzzTarget, stats: FuzzStats, options: FuzzOptions, fail: (what: string) => never): void {
  const rss = target.rssBytes();
  if (stats.firstRssBytes === 0) stats.firstRssBytes = rss;
  stats.maxRssBytes = Math.max(stats.maxRssBytes, rss);
  if (rss > options.maxRssBytes)
    fail(`server RSS ${Math.round(rss / 1e6)} MB is over ${Math.round(options.maxRssBytes / 1e6)} MB`);
}

function senderContext(doc: FuzzDoc, seat: Seat, compound: FuzzCompound, rng: Prng): SenderContext {
  return {
    rng,
    view: doc.view,
    member: seat.member,
    client: seat.client,
    awareness: seat.awareness,
    others: Object.values(compound.members).filter((m) => m.memberId !== seat.member.memberId),
    honestAwarenessIds: doc.seats.map((s) => s.honest.client.doc.clientID),
    minutes: doc.minutes,
  };
}
