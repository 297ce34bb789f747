import type { Member } from '../../shared/roles.ts';
import type { Prng } from '../../shared/sample/Prng.ts';
import type { ForgedStruct, Ref } from '../helpers/forgeUpdate.ts';
import type { DocView } from './DocView.ts';
import { type Draft, deepMarker, randomBytes } from './draft.ts';

export interface MutationContext {
  rng: Prng;
  view: DocView;
  /** Members other than the sender, for forged authors. */
  others: readonly Member[];
}

type Mutation = (d: Draft, c: MutationContext) => void;

const first = (d: Draft) => d.groups[0];
const firstItem = (d: Draft) =>
  first(d)?.structs.find((s) => 'content' in s) as Extract<ForgedStruct, { content: unknown }> | undefined;

/** A clock or id nobody holds: the next clock of a client plus something, or a client nobody uses. */
function unknownRef(c: MutationContext): Ref {
  const client = c.rng.chance(0.5) ? c.rng.pick([...c.view.clients(), 7]) : c.rng.int(1, 2 ** 32 - 1);
  return [client, c.view.known(client) + c.rng.int(0, 5)];
}

function someRef(c: MutationContext): Ref {
  return c.view.randomRef(c.rng) ?? unknownRef(c);
}

/**
 * Ways to spoil a real update, by name. Each changes the draft in place; some leave it valid (an
 * existing origin, another client's next clock), which is the point: the relay decides.
 */
export const mutations: Record<string, Mutation> = {
  gap(d, c) {
    const g = first(d);
    if (g) g.clock += c.rng.int(1, 40);
  },
  overlap(d, c) {
    const g = first(d);
    if (!g) return;
    const clients = c.view.clients().filter((client) => c.view.known(client) > 0);
    if (c.rng.chance(0.5) && clients.length > 0) g.client = c.rng.pick(clients);
    const known = c.view.known(g.client);
    g.clock = Math.max(0, known - c.rng.int(1, 4));
  },
  foreignClient(d, c) {
    const g = first(d);
    const clients = c.view.clients();
    if (!g || clients.length === 0) return;
    g.client = c.rng.pick(clients);
    g.clock = c.view.known(g.client);
  },
  newClient(d, c) {
    const g = first(d);
    if (!g) return;
    g.client = c.rng.int(0, 2 ** 32 - 1);
    g.clock = 0;
  },
  moveOrigin(d, c) {
    const s = firstItem(d);
    if (!s) return;
    delete s.parent;
    const r = c.rng.next();
    s.origin = r < 0.5 ? someRef(c) : r < 0.8 ? unknownRef(c) : [first(d)!.client, first(d)!.clock + c.rng.int(0, 3)];
    if (c.rng.chance(0.4)) s.rightOrigin = c.rng.chance(0.6) ? someRef(c) : unknownRef(c);
    if (c.rng.chance(0.15)) delete s.origin;
    if (!s.origin && !s.rightOrigin) s.parent = 'events';
  },
  reparent(d, c) {
    const s = firstItem(d);
    if (!s) return;
    delete s.origin;
    delete s.rightOrigin;
    const r = c.rng.next();
    s.parent = r < 0.3 ? 'notes' : r < 0.5 ? 'other' : r < 0.7 ? someRef(c) : 'events';
    if (c.rng.chance(0.3)) s.parentSub = 'key';
  },
  forwardOrigin(d, c) {
    const g = first(d);
    const s = firstItem(d);
    if (!g || !s) return;
    // The first struct names the second as its origin: the one-frame room killer, in variants.
    const second: ForgedStruct = {
      parent: c.rng.chance(0.7) ? 'events' : 'notes',
      content: { any: d.events.slice(0, 1) },
    };
    g.structs = [{ ...s, origin: [g.client, g.clock + 1 + c.rng.int(0, 1)], parent: undefined }, second];
  },
  contentKind(d, c) {
    const s = firstItem(d);
    if (!s) return;
    const r = c.rng.next();
    s.content =
      r < 0.4
        ? { string: 'x'.repeat(c.rng.int(1, 20)) }
        : r < 0.7
          ? { deleted: c.rng.int(1, 5) }
          : { any: [c.rng.int(0, 9), null, 'text'] };
  },
  gcOrSkip(d, c) {
    const g = first(d);
    if (!g) return;
    const extra: ForgedStruct = c.rng.chance(0.5) ? { gc: c.rng.int(1, 4) } : { skip: c.rng.int(1, 4) };
    if (c.rng.chance(0.5)) g.structs.unshift(extra);
    else g.structs.push(extra);
  },
  duplicateId(d, c) {
    const e = d.events[0];
    if (e && c.view.eventIds.length > 0) e.id = c.rng.pick(c.view.eventIds);
    else if (e && d.events.length > 1) d.events[1]!.id = e.id;
  },
  forgedAuthor(d, c) {
    const e = d.events[0];
    if (e && c.others.length > 0) e.by = c.rng.pick(c.others).memberId;
  },
  schema(d, c) {
    const e = d.events[0];
    if (!e) return;
    const r = c.rng.next();
    if (r < 0.25) e.type = c.rng.pick(['member.joined', 'no.such.type', 'care.visit.logged', 'minutes.signed-off']);
    else if (r < 0.5) delete e[c.rng.pick(Object.keys(e))];
    else if (r < 0.75) e[c.rng.pick(Object.keys(e))] = c.rng.pick([null, -1, 1.5, '', [], {}, 'x'.repeat(300)]);
    else e.extra = true;
  },
  hugeString(d, c) {
    const size = c.rng.pick([10_000, 100_000, 600_000, 1_500_000, 2_200_000]);
    const s = firstItem(d);
    if (s && 'string' in s.content) s.content = { string: '长'.repeat(size / 3) };
    else if (d.events[0]) d.events[0][c.rng.pick(['title', 'note', 'detail', 'id'])] = 'x'.repeat(size);
  },
  deepJson(d, c) {
    const e = d.events[0];
    if (!e) return;
    e[c.rng.pick(['title', 'attendee', 'extra'])] = deepMarker;
    d.deep = c.rng.pick([8, 200, 3_000, 40_000]);
  },
  deletes(d, c) {
    const r = c.rng.next();
    const ref = someRef(c);
    if (r < 0.4) d.deletes.push({ client: ref[0], ranges: [[ref[1], c.rng.int(1, 3)]] });
    else if (r < 0.6) d.deletes.push({ client: ref[0], ranges: [[ref[1], 2 ** 31]] });
    else if (r < 0.8) {
      // Overlapping and backwards ranges.
      d.deletes.push({
        client: ref[0],
        ranges: [
          [ref[1] + 2, 3],
          [ref[1], 4],
        ],
      });
    } else {
      const u = unknownRef(c);
      d.deletes.push({ client: u[0], ranges: [[u[1], c.rng.int(1, 100)]] });
    }
  },
  manyStructs(d, c) {
    const g = first(d);
    const s = firstItem(d);
    if (!g || !s) return;
    const n = c.rng.pick([50, 1_001, 5_000, 12_000]);
    const chained = c.rng.chance(0.7);
    // Copies of a huge event would make a frame of gigabytes: the copies are its envelope alone.
    const e = d.events[0] ?? {};
    const small = JSON.stringify(e).length > 2_000 ? { id: e.id, type: e.type, at: e.at, by: e.by } : e;
    const structs: ForgedStruct[] = [s];
    for (let i = 1; i < n; i++) {
      const content = { any: [{ ...small, id: `${String(small.id)}~${i}` }] };
      structs.push(chained ? { origin: [g.client, g.clock + i - 1], content } : { parent: 'events', content });
    }
    g.structs = structs;
  },
  manyGroups(d, c) {
    for (let i = 0, n = c.rng.pick([3, 100, 20_000]); i < n; i++)
      d.groups.push({ client: c.rng.int(1, 2 ** 32 - 1), clock: 0, structs: [] });
  },
  sub(d, c) {
    d.sub = c.rng.pick([0, 1, 2, 3, 9]);
  },
};

/** Frames of megabytes or thousands of structs cost the relay the most time; they come less often. */
const heavy = new Set(['hugeString', 'manyStructs', 'manyGroups', 'deepJson']);

/** One to three distinct mutation names, heavy ones a third as likely as the others. */
export function pickMutations(rng: Prng): string[] {
  const names = Object.keys(mutations);
  const picked: string[] = [];
  for (let n = rng.int(1, 3); picked.length < n; ) {
    const name = rng.pick(names);
    if (picked.includes(name) || (heavy.has(name) && !rng.chance(1 / 3))) continue;
    picked.push(name);
  }
  return picked;
}

/** Byte-level damage to a written frame. */
export function damageBytes(frame: Uint8Array, rng: Prng): { bytes: Uint8Array; label: string } {
  const out = frame.slice();
  const r = rng.next();
  if (r < 0.5 || out.length < 4) {
    for (let i = rng.int(1, 8); i > 0 && out.length > 0; i--) out[rng.int(0, out.length - 1)]! ^= 1 << rng.int(0, 7);
    return { bytes: out, label: 'flip' };
  }
  if (r < 0.7) return { bytes: out.slice(0, rng.int(1, out.length - 1)), label: 'truncate' };
  if (r < 0.85) {
    const tail = randomBytes(rng, rng.int(1, 16));
    const joined = new Uint8Array(out.length + tail.length);
    joined.set(out);
    joined.set(tail, out.length);
    return { bytes: joined, label: 'trailing' };
  }
  const at = rng.int(0, out.length - 1);
  out.set(randomBytes(rng, Math.min(out.length - at, rng.int(1, 8))), at);
  return { bytes: out, label: 'splice' };
}
