import type { AppEvent } from '../../shared/events/index.ts';
import type { Member } from '../../shared/roles.ts';
import { generateCompound } from '../../shared/sample/generate.ts';

/** A realistic event and the member it belongs to once sample members map onto the fuzz members. */
export interface PooledEvent {
  event: Record<string, unknown>;
  author: Member;
}

/** One document's sample log, handed out in order; every lap renames its event ids so they stay unique. */
export interface EventPool {
  next(): PooledEvent;
  /** The event `next` will hand out. */
  peek(): PooledEvent;
}

export interface FuzzMembers {
  admin: Member;
  resident: Member;
  owners: Member;
  property: Member;
}

/**
 * The sample compound's public log and its longest minutes log, with every sample member replaced by
 * the fuzz member of the same role and party (community committee members by the admin).
 */
export function samplePools(
  seed: number,
  members: FuzzMembers,
): { public: EventPool; minutes: EventPool; meetingId: string } {
  const sample = generateCompound({ seed, scale: 'demo' });
  const memberOf = new Map<string, Member>();
  for (const m of sample.members) {
    const real =
      m.role === 'resident'
        ? members.resident
        : m.party === 'owners'
          ? members.owners
          : m.party === 'property'
            ? members.property
            : members.admin;
    memberOf.set(m.memberId, real);
  }
  const [meetingId, minutes] = Object.entries(sample.minutes).sort((a, b) => b[1].length - a[1].length)[0]!;
  return {
    public: pool(sample.publicEvents, memberOf),
    minutes: pool(minutes, memberOf),
    meetingId,
  };
}

function pool(events: readonly AppEvent[], memberOf: Map<string, Member>): EventPool {
  const ids = new Set(events.map((e) => e.id));
  let at = 0;
  let lap = 0;
  let ahead: PooledEvent | undefined;
  const take = (): PooledEvent => {
    const source = events[at]!;
    const renamed = rename(source, (s) => {
      const member = memberOf.get(s);
      if (member) return member.memberId;
      return ids.has(s) && lap > 0 ? `${s}-l${lap}` : s;
    }) as Record<string, unknown>;
    const author = memberOf.get(source.by)!;
    at++;
    if (at === events.length) {
      at = 0;
      lap++;
    }
    return { event: renamed, author };
  };
  return {
    next() {
      const e = ahead ?? take();
      ahead = undefined;
      return e;
    },
    peek() {
      ahead ??= take();
      return ahead;
    },
  };
}

/** A deep copy with every string passed through `map`: ids of members and of earlier events move together. */
function rename(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => rename(v, map));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = rename(v, map);
    return out;
  }
  return value;
}
