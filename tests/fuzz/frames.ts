import * as encoding from 'lib0/encoding';
import type { Member } from '../../shared/roles.ts';
import type { Prng } from '../../shared/sample/Prng.ts';
import type { DocView } from './DocView.ts';
import { appendDraft, type Draft, notesDeleteDraft, notesInsertDraft, randomBytes, writeDraft } from './draft.ts';
import { damageBytes, mutations, pickMutations } from './mutations.ts';
import type { EventPool } from './samplePools.ts';

export type FrameKind = 'valid' | 'mutated' | 'awareness' | 'random';

/** One frame a sender sends, with what the fuzzer knows of it. */
export interface Frame {
  kind: FrameKind;
  /** What it is, e.g. `events`, `gap+moveOrigin+flip`, `awareness:oversized`. */
  label: string;
  bytes: Uint8Array | string;
  /** Ids of the events it carries. */
  ids: string[];
  /** It carries an event whose id the log already holds. */
  duplicateId: boolean;
  /** The events of a valid frame, to tell a refusal by a causal rule from a wrong one. */
  events?: Record<string, unknown>[];
}

export interface SenderContext {
  rng: Prng;
  view: DocView;
  member: Member;
  /** The sender's own Yjs client id in this document. */
  client: number;
  /** The sender's awareness client id and the clock it last used. */
  awareness: { id: number; clock: number };
  /** Members other than the sender. */
  others: readonly Member[];
  /** Awareness client ids of the honest clients, for frames that try to remove them. */
  honestAwarenessIds: readonly number[];
  minutes: boolean;
}

/** A valid change of the sender's: pool events (already the sender's), or an edit of the minutes text. */
export function validDraft(c: SenderContext, events: Record<string, unknown>[]): Draft {
  if (c.minutes && (events.length === 0 || c.rng.chance(0.2))) {
    const range = c.rng.chance(0.3) ? c.view.notesDeleteRange(c.rng) : undefined;
    if (range) return notesDeleteDraft(range);
    const index = c.rng.int(0, c.view.notes.length);
    return notesInsertDraft(c.view, c.client, index, c.rng.pick(['会议开始。', '同意。', '下次再议', 'ok ', '🙂']));
  }
  return appendDraft(c.view, c.client, events);
}

/** A real update of the sender's, spoiled one to three ways (and sometimes in its bytes). */
export function mutatedFrame(c: SenderContext, pool: EventPool): Frame {
  const events = takeEvents(c.rng, pool).map(({ event }) => ({ ...event, by: c.member.memberId }));
  const draft = validDraft(c, c.rng.chance(c.minutes ? 0.75 : 1) ? events : []);
  const names = pickMutations(c.rng);
  const ctx = { rng: c.rng, view: c.view, others: c.others };
  for (const name of names) mutations[name]!(draft, ctx);
  let bytes = writeDraft(draft);
  if (c.rng.chance(0.25)) {
    const damaged = damageBytes(bytes, c.rng);
    bytes = damaged.bytes;
    names.push(damaged.label);
  }
  return { kind: 'mutated', label: names.join('+'), bytes, ...carried(draft, c.view) };
}

/** The ids a draft's events carry, and whether one is already in the log. */
export function carried(d: Draft, view: DocView): { ids: string[]; duplicateId: boolean } {
  const ids = d.events.map((e) => e.id).filter((id): id is string => typeof id === 'string');
  return { ids, duplicateId: ids.some((id) => view.idSet.has(id)) || new Set(ids).size < ids.length };
}

/** One to three pool events in a row, as a phone's batch. */
export function takeEvents(rng: Prng, pool: EventPool) {
  const n = rng.chance(0.8) ? 1 : rng.int(2, 3);
  return Array.from({ length: n }, () => pool.next());
}

/** An awareness frame: a presence update, or one over the caps, or one meddling with others' presence. */
export function awarenessFrame(c: SenderContext): Frame {
  const r = c.rng.next();
  const entries: [number, number, string][] = [];
  let label: string;
  const state = (bytes: number) => JSON.stringify({ user: { name: c.member.name, pad: 'p'.repeat(bytes) } });
  if (r < 0.4) {
    label = 'presence';
    entries.push([c.awareness.id, ++c.awareness.clock, state(c.rng.int(0, 200))]);
  } else if (r < 0.55) {
    label = 'oversized';
    entries.push([c.awareness.id, ++c.awareness.clock, state(c.rng.pick([9_000, 100_000, 1_000_000]))]);
  } else if (r < 0.7) {
    label = 'many-clients';
    for (let i = c.rng.int(2, 40); i > 0; i--) entries.push([c.rng.int(1, 2 ** 31), 1, state(10)]);
  } else if (r < 0.85 && c.honestAwarenessIds.length > 0) {
    label = 'remove-others';
    entries.push([c.rng.pick(c.honestAwarenessIds), c.rng.int(1, 2 ** 30), 'null']);
  } else {
    label = 'bad-json';
    entries.push([c.awareness.id, ++c.awareness.clock, c.rng.pick(['{', '', 'undefined', '{"a":'])]);
  }
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return {
    kind: 'awareness',
    label: `awareness:${label}`,
    bytes: encoding.toUint8Array(outer),
    ids: [],
    duplicateId: false,
  };
}

/** Random bytes, bare or behind a real message header, and the odd text frame. */
export function randomFrame(rng: Prng): Frame {
  const r = rng.next();
  const size = rng.chance(0.002) ? 2_200_000 : rng.chance(0.1) ? rng.int(0, 20_000) : rng.int(0, 64);
  const body = randomBytes(rng, size);
  let bytes: Uint8Array | string;
  let label: string;
  if (r < 0.4) {
    label = 'bytes';
    bytes = body;
  } else if (r < 0.8) {
    const header = rng.pick([[0, 0], [0, 1], [0, 2], [0, 3], [1], [2], [3]]);
    label = `header:${header.join('.')}`;
    const e = encoding.createEncoder();
    for (const h of header) encoding.writeVarUint(e, h);
    if (rng.chance(0.7)) encoding.writeVarUint8Array(e, body);
    else encoding.writeUint8Array(e, body);
    bytes = encoding.toUint8Array(e);
  } else if (r < 0.95) {
    label = 'empty-or-query';
    bytes = rng.pick([
      new Uint8Array(0),
      new Uint8Array([3]),
      new Uint8Array([0, 0, 0]),
      new Uint8Array([0, 1, 2, 0, 0]),
    ]);
  } else {
    label = 'text';
    bytes = 'hello';
  }
  return { kind: 'random', label: `random:${label}`, bytes, ids: [], duplicateId: false };
}

export { writeDraft };
