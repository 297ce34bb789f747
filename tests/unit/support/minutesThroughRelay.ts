import type { AppEvent } from '../../../shared/events/index.ts';
import type { Party } from '../../../shared/roles.ts';
import type { Prng } from '../../../shared/sample/Prng.ts';

const seats: readonly { memberId: string; party: Party | 'none' }[] = [
  { memberId: 'comm1', party: 'community' },
  { memberId: 'comm2', party: 'community' },
  { memberId: 'own1', party: 'owners' },
  { memberId: 'own2', party: 'owners' },
  { memberId: 'prop1', party: 'property' },
  { memberId: 'res1', party: 'none' },
  { memberId: 'res2', party: 'none' },
];

/**
 * A meeting's minutes as one relay takes them in turn: each event written by someone who held all
 * before it, on a phone whose clock is off by up to five minutes (so a step can be stamped before
 * the one it follows). Once every party present has signed, only amendments and done marks follow,
 * as the relay refuses the rest. No two events are concurrent: the log is the order they were
 * written in, the one order the fold read the same before and after sign-offs were settled by the
 * set of events.
 */
export function minutesThroughRelay(rng: Prng, length: number): AppEvent[] {
  const clocks = new Map(seats.map((s) => [s.memberId, rng.int(-5, 5) * 60_000]));
  const events: AppEvent[] = [];
  const present = new Set<Party>();
  const signed = new Set<Party>();
  const attendees = new Set<string>();
  const actions: { id: string; owner: { party: Party } | { memberId: string } }[] = [];
  let now = Date.parse('2024-05-06T01:00:00Z');
  const add = (type: string, by: string, fields: Record<string, unknown>) => {
    now += rng.int(1, 4) * 60_000;
    const event = { id: `m${events.length + 1}`, type, at: now + (clocks.get(by) ?? 0), by, ...fields } as AppEvent;
    events.push(event);
  };
  for (let i = 0; i < length; i++) {
    const locked = present.size > 0 && [...present].every((p) => signed.has(p));
    const pick = locked ? rng.int(0, 1) : rng.int(1, 7);
    const author = rng.pick(seats);
    if (pick === 0) {
      add('minutes.amended', 'comm1', { note: `更正第${i}条` });
    } else if (pick === 1) {
      const item = actions.length > 0 ? rng.pick(actions) : undefined;
      if (item) add('minutes.action.done', 'comm1', { actionId: item.id, owner: item.owner });
    } else if (pick <= 3) {
      // A member signing in (again, now and then, by the chair), or a guest written down by name.
      const seat = rng.pick(seats);
      const attendee = rng.chance(0.2) ? { name: `来宾${rng.int(1, 3)}`, party: 'none' as const } : seat;
      if ('memberId' in attendee && attendees.has(attendee.memberId) && rng.chance(0.5)) continue;
      const by = rng.chance(0.5) && 'memberId' in attendee ? attendee.memberId : 'comm1';
      add('minutes.signed-in', by, { attendee: { ...attendee } });
      if ('memberId' in attendee) attendees.add(attendee.memberId);
      if (attendee.party !== 'none') present.add(attendee.party);
    } else if (pick === 4) {
      add('minutes.item.taken-up', author.memberId, { requestId: `r${rng.int(1, 3)}` });
    } else if (pick === 5) {
      add('minutes.decision.recorded', author.memberId, {
        text: `决定${i}`,
        ...(rng.chance(0.5) ? { tally: { for: rng.int(0, 9), against: rng.int(0, 3), abstain: 0 } } : {}),
      });
    } else if (pick === 6) {
      const owner = rng.chance(0.5)
        ? { party: rng.pick(['community', 'owners', 'property'] as const) }
        : { memberId: 'own1' };
      add('minutes.action.created', author.memberId, { text: `待办${i}`, owner, deadline: '2024-07-01' });
      actions.push({ id: `m${events.length}`, owner });
    } else if (present.size > 0) {
      // A party present signs, now and then a second member of one that signed already.
      const party = rng.pick([...present]);
      const by = seats.find((s) => s.party === party && (!signed.has(party) || s.memberId.endsWith('2')));
      add('minutes.signed-off', by?.memberId ?? 'comm1', { party });
      signed.add(party);
    }
  }
  return events;
}
