import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { AppEvent } from '../events/index.ts';
import type { AnomalyReason } from '../folds/AnomalyReason.ts';
import { type ArrayDelta, isAppend } from '../folds/ArrayDelta.ts';
import { CompoundFold } from '../folds/CompoundFold.ts';
import type { CompoundState } from '../folds/CompoundState.ts';
import { isLeadStep } from '../folds/dutySignups.ts';
import { afterLock, foldMinutes, type MinutesState } from '../folds/foldMinutes.ts';
import { lineOwner } from '../folds/points.ts';
import type { Member } from '../roles.ts';
import type { DocKind } from '../rooms.ts';
import { finish, STEP, type Steps } from '../steps.ts';
import { arrayChange } from '../yjs/arrayChange.ts';
import { agendaRefusal, isAgendaStep } from './agendaRefusal.ts';
import { careRefusal, isCareStep } from './careRefusal.ts';
import { isCausal } from './causal.ts';
import { correctionRefusal } from './correctionRefusal.ts';
import { decisionRefusal, upholdRefusal } from './decisionRefusal.ts';
import { expenseRefusal, heldInLog, isExpenseStep } from './expenseRefusal.ts';
import { isMeetingStep, meetingRefusal } from './meetingRefusal.ts';
import { needsRefusal } from './needsRefusal.ts';
import { redemptionRefusal } from './redemptionRefusal.ts';
import { reversalRefusal } from './reversalRefusal.ts';
import { leadRefusal, signupRefusal } from './rosterRefusal.ts';
import { selfAwardRefusal } from './selfAwardRefusal.ts';
import { standbyRefusal } from './standbyRefusal.ts';
import type { Validation } from './validateUpdate.ts';

/**
 * The causal rules of one loaded document, held against a fold of it kept up to date (the same fold
 * code the phones run). `before` refuses, before anything is applied, what breaks a rule wherever
 * it would land: an event id the document holds, minutes changed after their lock. `after`, once
 * Yjs has placed the update, refuses it if a new event is a causal anomaly *where it landed* (a
 * payment placed before the approvals it needs): the caller then drops the document and reloads it.
 * Both come in steps too (`beforeSteps`, `afterSteps`): the fold then takes what Yjs changed a few
 * hundred events at a time, so a large update can be checked over several turns.
 */
export class CausalGuard {
  readonly #events: Y.Array<unknown>;
  readonly #fold: CompoundFold | undefined;
  #minutes: MinutesState | undefined;
  readonly #observer: (event: Y.YArrayEvent<unknown>) => void;
  /** Changes Yjs made that the fold has not taken yet, oldest first. */
  #unfolded: ArrayDelta[] = [];
  /**
   * Who writes under each Yjs client id: the author of its first event (so it survives a reload),
   * else the member whose update first brought it. A client id is in every state vector and
   * awareness message; without this a member could write at another phone's next clock, and that
   * phone's offline events would be skipped as already known.
   */
  readonly #writers = new Map<number, string>();

  constructor(doc: Y.Doc, kind: DocKind) {
    this.#events = doc.getArray('events');
    const fold = kind === 'minutes' ? undefined : new CompoundFold({ publish: 'on-read' });
    this.#fold = fold;
    fold?.applyDelta([{ insert: this.#events.toArray() }]);
    for (let item = this.#events._start; item !== null; item = item.right) this.#learnWriter(item);
    this.#observer = (event) => {
      const change = arrayChange(event);
      if (fold) this.#unfolded.push(change.delta);
      else this.#minutes = undefined;
      for (const item of change.added) this.#learnWriter(item);
    };
    this.#events.observe(this.#observer);
  }

  /**
   * Refuses writes under another member's client id, events whose id the document already holds or
   * the update repeats, and changes to locked minutes.
   */
  before(validation: Pick<Validation, 'events' | 'notes' | 'clients'>, member: Member): void {
    finish(this.beforeSteps(validation, member));
  }

  *beforeSteps(validation: Pick<Validation, 'events' | 'notes' | 'clients'>, member: Member): Steps<void> {
    if (this.#unfolded.length > 0) yield* this.#foldSteps();
    for (const client of validation.clients) {
      const writer = this.#writers.get(client);
      if (writer !== undefined && writer !== member.memberId) {
        throw new RuleError(RejectReason.ForeignClient, `client ${client} writes for another member`);
      }
    }
    const ids = new Set<string>();
    const minutes = this.#fold ? undefined : this.#minutesState();
    const held = minutes ? new Set(this.#events.toArray().map(idOf)) : undefined;
    const events = validation.events;
    for (let i = 0; i < events.length; i++) {
      if (i % (4 * STEP) === 4 * STEP - 1) yield;
      const event = events[i] as AppEvent;
      const taken = held ? held.has(event.id) : this.#fold?.holds(event.id);
      if (taken || ids.has(event.id)) throw refusal(event, { code: 'duplicate_id' });
      ids.add(event.id);
      if (minutes?.locked && !afterLock.has(event.type)) throw refusal(event, { code: 'minutes_locked' });
    }
    if (minutes?.locked && validation.notes) {
      throw new RuleError(
        { reason: RejectReason.CausalRule, anomaly: { code: 'minutes_locked' } },
        'the minutes text is locked',
      );
    }
  }

  /** After Yjs placed the update: refuses it if one of its events broke a causal rule where it landed. */
  after(validation: Pick<Validation, 'events' | 'clients'>, member: Member): void {
    finish(this.afterSteps(validation, member));
  }

  *afterSteps(validation: Pick<Validation, 'events' | 'clients'>, member: Member): Steps<void> {
    if (this.#unfolded.length > 0) yield* this.#foldSteps();
    const events = validation.events;
    for (const client of validation.clients) if (!this.#writers.has(client)) this.#writers.set(client, member.memberId);
    if (events.length === 0) return;
    const minutes = this.#fold ? undefined : this.#minutesState();
    const anomalies = minutes && new Map(minutes.anomalies.map((a) => [a.eventId, a.reason]));
    const fold = this.#fold;
    const ignored = (eventId: string) => fold?.reasonFor(eventId) !== undefined;
    let sameUpdate: Set<string> | undefined;
    for (let i = 0; i < events.length; i++) {
      if (i % (4 * STEP) === 4 * STEP - 1) yield;
      const event = events[i] as AppEvent;
      const why = anomalies ? anomalies.get(event.id) : this.#fold?.reasonFor(event.id);
      if (why && isCausal(why)) throw refusal(event, why);
      if (event.type === 'minutes.decision.upheld' && why === undefined && minutes) {
        const broken = upholdRefusal(minutes, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'points.redeemed' && this.#fold) {
        const account = this.#fold.state.points.accounts[event.memberId];
        const broken = redemptionRefusal(this.#events, account, event);
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'roster.signed-up' && why === undefined && fold) {
        const broken = signupRefusal(this.#events, fold.state.rosters.duties[event.dutyId], event, ignored);
        if (broken) throw refusal(event, broken);
      }
      if (isLeadStep(event) && why === undefined && fold) {
        const { duties, teams } = fold.state.rosters;
        if (event.type === 'roster.standby') sameUpdate ??= new Set(events.map((e) => (e as AppEvent).id));
        const broken =
          leadRefusal(this.#events, teams[event.teamId], event) ??
          (event.type === 'roster.standby' && sameUpdate
            ? standbyRefusal(this.#events, duties[event.dutyId], event, { ignored, sameUpdate })
            : undefined);
        if (broken) throw refusal(event, broken);
      }
      if (
        (event.type === 'practice.claimed' || event.type === 'practice.accepted') &&
        why === undefined &&
        this.#fold
      ) {
        const broken = needsRefusal(this.#events, this.#fold.state.practice.listings[event.listingId], event);
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'ledger.reversed' && why === undefined && this.#fold) {
        const broken = reversalRefusal(this.#events, event);
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'points.corrected' && why === undefined && this.#fold) {
        const owner = lineOwner(this.#fold.outcomeOf(event.targetEventId));
        const broken = correctionRefusal(this.#events, event, owner, member.memberId);
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'points.awarded' && event.memberId === member.memberId && why === undefined && this.#fold) {
        const fold = this.#fold;
        const broken = selfAwardRefusal(this.#events, fold.state, event, (id) => fold.reasonFor(id) === undefined);
        if (broken) throw refusal(event, broken);
      }
      if (event.type === 'request.decided' && this.#fold) {
        const request = this.#fold.state.agenda.requests[event.requestId];
        const broken = decisionRefusal(request, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
      if (isAgendaStep(event) && why === undefined && this.#fold) {
        const broken = agendaRefusal(this.#fold.state.agenda, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
      if (isMeetingStep(event) && why === undefined && this.#fold) {
        const meeting = this.#fold.state.meetings.meetings[event.meetingId];
        const broken = meetingRefusal(this.#events, meeting, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
      if (isCareStep(event) && why === undefined && this.#fold) {
        const household = this.#fold.state.care.households[event.householdId];
        const broken = careRefusal(household, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
      if (isExpenseStep(event) && this.#fold) {
        const broken = expenseRefusal(this.#fold.state.ledger, event, heldInLog(this.#events, event.id));
        if (broken) throw refusal(event, broken);
      }
    }
  }

  /** The document folded as it stands (undefined for minutes, which keep no compound fold). */
  folded(): CompoundState | undefined {
    if (!this.#fold) return undefined;
    if (this.#unfolded.length > 0) finish(this.#foldSteps());
    return this.#fold.state;
  }

  /** Stops following the document (it is being dropped). */
  detach(): void {
    this.#events.unobserve(this.#observer);
  }

  /**
   * Folds what Yjs changed since the fold last looked, a few hundred events a step: an append in
   * parts (each part is an append too, and the fold of a log does not depend on how it was reached);
   * a change before the end whole, its re-fold in steps (in parts, each part would re-fold what
   * every event after it touches again).
   */
  *#foldSteps(): Steps<void> {
    const fold = this.#fold;
    if (!fold) return;
    while (this.#unfolded.length > 0) {
      const delta = this.#unfolded[0] as ArrayDelta;
      const pieces = isAppend(delta, fold.length) ? appendParts(delta, 4 * STEP) : [delta];
      if (pieces.length > 1) {
        // What is left stays first in line, so the fold is right however the steps are interleaved.
        this.#unfolded.splice(0, 1, ...pieces);
        continue;
      }
      this.#unfolded.shift();
      yield* fold.applyDeltaSteps(delta);
      yield;
    }
  }

  #learnWriter(item: Y.Item): void {
    const client = item.id.client;
    if (this.#writers.has(client) || item.deleted || !(item.content instanceof Y.ContentAny)) return;
    const by = (item.content.arr[0] as { by?: unknown } | null)?.by;
    if (typeof by === 'string') this.#writers.set(client, by);
  }

  #minutesState(): MinutesState {
    this.#minutes ??= foldMinutes(this.#events.toArray());
    return this.#minutes;
  }
}

/** An append as appends of at most `part` values each. */
function appendParts(delta: ArrayDelta, part: number): ArrayDelta[] {
  const parts: ArrayDelta[] = [];
  let index = 0;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert !== 'object') return [delta];
    else {
      for (let i = 0; i < op.insert.length; i += part) {
        const values = op.insert.slice(i, i + part);
        parts.push(index > 0 ? [{ retain: index }, { insert: values }] : [{ insert: values }]);
        index += values.length;
      }
    }
  }
  return parts.length > 0 ? parts : [delta];
}

function idOf(raw: unknown): unknown {
  return (raw as { id?: unknown } | null)?.id;
}

function refusal(event: AppEvent, anomaly: AnomalyReason): RuleError {
  return new RuleError(
    { reason: RejectReason.CausalRule, type: event.type, anomaly },
    `${event.type} ${event.id}: ${anomaly.code}`,
  );
}
