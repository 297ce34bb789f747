import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes, type MinutesState } from '../../shared/folds/index.ts';
import { openActionItems } from '../../shared/folds/minutesQueries.ts';
import { checkPaper, minutesHash } from '../../shared/minutesHash.ts';
import type { Party } from '../../shared/roles.ts';
import { Prng } from '../../shared/sample/Prng.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners, property } from './support/members.ts';
import { minutesThroughRelay } from './support/minutesThroughRelay.ts';
import { relayCopy } from './support/relayCopy.ts';
import { TestLog } from './support/TestLog.ts';

const meetingId = 'mtg1';
const notes = '记录';
const hash = (events: readonly AppEvent[]) => minutesHash(meetingId, foldMinutes(events), notes);

/** Two parties present, a decision recorded. */
function meeting(): TestLog {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } }, 's-comm');
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'own1', party: 'owners' } }, 's-own');
  log.add('minutes.decision.recorded', 'comm1', { text: '东门划18个车位' }, 'd1');
  return log;
}

/** The minutes with their anomalies by event rather than in log order: what is flagged, not where it sits. */
const sameAnomalies = (s: ReturnType<typeof foldMinutes>) => ({
  ...s,
  anomalies: [...s.anomalies].sort((a, b) => (a.eventId < b.eventId ? -1 : 1)),
});

/** The log's last two events, in both orders: the same minutes, anomalies and printed hash. */
function bothOrders(log: TestLog) {
  const head = log.events.slice(0, -2);
  const [a, b] = log.events.slice(-2) as [AppEvent, AppEvent];
  const x = foldMinutes([...head, a, b]);
  const y = foldMinutes([...head, b, a]);
  expect(sameAnomalies(y)).toEqual(sameAnomalies(x));
  expect(hash([...head, b, a])).toBe(hash([...head, a, b]));
  return x;
}

describe('minutes signed, marked and amended on two phones at once fold and hash alike in either order', () => {
  it('two parties signing off at once: locked at the later signature', () => {
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    const last = log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const state = bothOrders(log);
    expect(state.locked).toBe(true);
    expect(state.lockedAt).toBe(last.at);
  });

  it('two members of one party signing off at once: the earlier signature is the party’s', () => {
    const log = meeting();
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm2', party: 'community' } });
    log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const first = log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-off', 'comm2', { party: 'community' });
    expect(bothOrders(log).signOffs.community?.eventId).toBe(first.id);
  });

  it('a member signing in while the chair signs them in: the earlier sign-in is kept', () => {
    const log = meeting();
    const self = log.add('minutes.signed-in', 'res1', { attendee: { memberId: 'res1', party: 'none' } });
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'res1', party: 'none' } });
    const state = bothOrders(log);
    expect(state.attendees.filter((a) => 'memberId' in a && a.memberId === 'res1').map((a) => a.eventId)).toEqual([
      self.id,
    ]);
  });

  it('an item marked done on two phones: the earlier mark stands', () => {
    const log = meeting();
    log.add(
      'minutes.action.created',
      'comm1',
      { text: '修门禁', owner: { party: 'owners' }, deadline: '2024-07-01' },
      'a1',
    );
    const first = log.add('minutes.action.done', 'own1', { actionId: 'a1', owner: { party: 'owners' } });
    log.add('minutes.action.done', 'comm1', { actionId: 'a1', owner: { party: 'owners' } });
    expect(bothOrders(log).actionsDone.a1?.eventId).toBe(first.id);
  });

  it('an action item whose id is a name objects carry is not done until marked', () => {
    const log = meeting();
    for (const id of ['constructor', '__proto__', 'toString'])
      log.add('minutes.action.created', 'comm1', { text: id, owner: { party: 'owners' }, deadline: '2024-07-01' }, id);
    log.add('minutes.action.done', 'own1', { actionId: '__proto__', owner: { party: 'owners' } });
    const state = foldMinutes(log.events);
    const open = openActionItems([{ meetingId, state }], {}).map((t) => t.item.eventId);
    expect(open.sort()).toEqual(['constructor', 'toString']);
    expect(Object.hasOwn(state.actionsDone, '__proto__')).toBe(true);
  });
});

describe('a decision sent while the last party signed off', () => {
  it('counts once the relay took it, whichever side of the sign-off Yjs puts it', () => {
    for (const [decider, signer] of [
      [10, 20],
      [20, 10],
    ] as const) {
      const log = meeting();
      log.add('minutes.signed-off', 'comm1', { party: 'community' });
      const { relay, phone, send } = relayCopy(log.events, 'minutes');
      const decision = log.add('minutes.decision.recorded', 'comm1', { text: '补记：清明前完成' });
      const signOff = log.add('minutes.signed-off', 'own1', { party: 'owners' });
      const [a, b] = [phone(decider), phone(signer)];
      a.getArray('events').push([decision]);
      b.getArray('events').push([signOff]);
      send(a, [decision], community);
      send(b, [signOff], owners);
      const state = foldMinutes(relay.getArray('events').toArray());
      expect(state.locked).toBe(true);
      expect(state.decisions.map((d) => d.eventId)).toContain(decision.id);
      // A decision the relay gets after the lock is still refused: the lock holds.
      const late = phone(30, relay);
      const after = log.add('minutes.decision.recorded', 'comm1', { text: '锁定后又加一条' });
      late.getArray('events').push([after]);
      expect(() => send(late, [after], community)).toThrow(/minutes_locked/);
    }
  });
});

/**
 * `write` on one phone reaches the relay first, the last party's sign-off from another phone after
 * it, in every merge order Yjs can pick; the minutes each order leaves on the relay.
 */
function beforeTheLastSignOff(base: readonly AppEvent[], write: AppEvent, signOff: AppEvent) {
  return everyMergeOrder(
    base,
    [
      { events: [write], member: community },
      { events: [signOff], member: owners },
    ],
    'minutes',
  ).map(({ events }) => events);
}

describe('a sign-in sent while the last party signed off', () => {
  it('adds a party that must sign, in every merge order, whether stamped before or after the sign-off', () => {
    // Before: where Yjs put the sign-off before the sign-in, the minutes locked without the property
    // company and its sign-in was dropped as minutes_locked; in the other order they waited for it.
    for (const late of [false, true]) {
      const log = meeting();
      log.add('minutes.signed-off', 'comm1', { party: 'community' });
      const base = [...log.events];
      const signIn = log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'prop1', party: 'property' } });
      const signOff = log.add('minutes.signed-off', 'own1', { party: 'owners' });
      if (late) (signIn as { at: number }).at = signOff.at + 60_000;
      const logs = beforeTheLastSignOff(base, signIn, signOff);
      const states = logs.map((events) => foldMinutes(events));
      expect(states[1]).toEqual(states[0]);
      expect(hash(logs[1]!)).toBe(hash(logs[0]!));
      expect(states[0]).toMatchObject({ locked: false, signingParties: ['community', 'owners', 'property'] });
      expect(states[0]?.anomalies).toEqual([]);
    }
  });

  it('locks the minutes once that party signs too; a sign-in the relay gets after the lock is refused', () => {
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'prop1', party: 'property' } });
    log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const { relay, phone, send } = relayCopy(log.events, 'minutes');
    const last = phone(10);
    const signOff = log.add('minutes.signed-off', 'prop1', { party: 'property' });
    last.getArray('events').push([signOff]);
    send(last, [signOff], property);
    expect(foldMinutes(relay.getArray('events').toArray())).toMatchObject({ locked: true, lockedAt: signOff.at });
    const late = phone(20, relay);
    const signIn = log.add('minutes.signed-in', 'res1', { attendee: { memberId: 'res1', party: 'none' } });
    late.getArray('events').push([signIn]);
    expect(() => send(late, [signIn], community)).toThrow(/minutes_locked/);
  });
});

describe('a decision stamped after the lock that the relay took before the last sign-off', () => {
  it('counts, in every merge order', () => {
    // Before: where Yjs put it after the sign-off it was dropped as minutes_locked (stamped after the
    // lock), so the signed minutes and their printed hash followed the merge order.
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    const base = [...log.events];
    // The owners' phone signed offline ten minutes before the decision was recorded, and synced after it.
    const signOff = log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const decision = log.add('minutes.decision.recorded', 'comm1', { text: '补记：清明前完成' });
    (decision as { at: number }).at = signOff.at + 10 * 60_000;
    const logs = beforeTheLastSignOff(base, decision, signOff);
    const states = logs.map((events) => foldMinutes(events));
    expect(states[1]).toEqual(states[0]);
    expect(hash(logs[1]!)).toBe(hash(logs[0]!));
    expect(states[0]).toMatchObject({ locked: true, lockedAt: signOff.at });
    expect(states[0]?.decisions.map((d) => d.eventId)).toEqual(['d1', decision.id]);
    expect(states[0]?.anomalies).toEqual([]);
  });
});

describe('a paper printed before an amendment stamped earlier reached the relay', () => {
  it('still matches, and lists that amendment as made since', () => {
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const locked = [...log.events];
    // Phone A amends offline; phone B amends online a little later, and a copy is printed.
    const offline = log.add('minutes.amended', 'comm1', { note: '更正：是18个车位' });
    const online = log.add('minutes.amended', 'own1', { note: '补充：由物业施工' });
    const printed = hash([...locked, online]);
    const check = checkPaper(meetingId, foldMinutes([...locked, online, offline]), notes, printed);
    expect(check).toMatchObject({ kind: 'matches' });
    expect(check.kind === 'matches' && check.amendedSince.map((a) => a.eventId)).toEqual([offline.id]);
  });
});

/** One to three steps a phone writes offline on unlocked minutes: sign-ins, sign-offs, decisions, items. */
function offlineSteps(rng: Prng, base: readonly AppEvent[], phone: string): AppEvent[] {
  const present = new Set<Party>();
  for (const e of base)
    if (e.type === 'minutes.signed-in' && e.attendee.party !== 'none') present.add(e.attendee.party);
  const seats = ['comm1', 'own1', 'prop1', 'res1'] as const;
  const partyOf = { comm1: 'community', own1: 'owners', prop1: 'property', res1: 'none' } as const;
  const last = Math.max(...base.map((e) => e.at));
  const out: AppEvent[] = [];
  for (let i = rng.int(1, 3); i > 0; i--) {
    const at = last + rng.int(-3, 6) * 60_000;
    const id = `${phone}-${out.length}`;
    const pick = rng.int(0, 3);
    const by = rng.pick(seats);
    if (pick === 0) {
      const party = partyOf[by];
      out.push({ id, type: 'minutes.signed-in', at, by, attendee: { memberId: by, party } } as AppEvent);
      if (party !== 'none') present.add(party);
    } else if (pick === 1 && present.size > 0) {
      const party = rng.pick([...present]);
      const signer = seats.find((s) => partyOf[s] === party) ?? 'comm1';
      out.push({ id, type: 'minutes.signed-off', at, by: signer, party } as AppEvent);
    } else if (pick === 2) {
      out.push({ id, type: 'minutes.decision.recorded', at, by: 'comm1', text: `决定${id}` } as AppEvent);
    } else {
      out.push({ id, type: 'minutes.item.taken-up', at, by: 'comm1', requestId: `r${rng.int(1, 3)}` } as AppEvent);
    }
  }
  return out;
}

/**
 * Two phones write on unlocked minutes offline (sign-ins, the last sign-offs, decisions), one
 * reaches the relay before the other, and Yjs places their steps in either order: the minutes, what
 * is flagged and the printed hash come out the same (yjs's applyRandomTests, on minutes).
 */
describe('minutes written on two phones offline, merged in either order', () => {
  it('fold, flag and hash alike for 150 random meetings', () => {
    const rng = new Prng(20261206);
    let compared = 0;
    for (let round = 0; round < 150; round++) {
      const whole = minutesThroughRelay(rng, rng.int(4, 20));
      // The minutes up to their lock: the phones write on a copy not yet locked.
      let cut = whole.length;
      while (cut > 0 && foldMinutes(whole.slice(0, cut)).locked) cut--;
      const base = whole.slice(0, cut);
      if (base.length === 0) continue;
      const a = offlineSteps(rng, base, 'a');
      const b = offlineSteps(rng, base, 'b');
      // Phone a reaches the relay first; its client id puts its steps first in the log, then last.
      const outcomes = [10, 30].map((clientA) => {
        const { relay, phone, send } = relayCopy(base, 'minutes');
        const [pa, pb] = [phone(clientA), phone(20)];
        pa.getArray('events').push(a);
        pb.getArray('events').push(b);
        send(pa, a, community);
        try {
          send(pb, b, owners);
        } catch (refused) {
          return String(refused);
        }
        return relay.getArray('events').toArray() as AppEvent[];
      });
      // Refused in both orders alike (the first phone's steps locked the relay's copy), or taken in both.
      if (typeof outcomes[0] === 'string' || typeof outcomes[1] === 'string') {
        expect(outcomes[1]).toEqual(outcomes[0]);
        continue;
      }
      const logs = outcomes as AppEvent[][];
      const [x, y] = logs.map((events) => foldMinutes(events)) as [MinutesState, MinutesState];
      expect(sameAnomalies(y)).toEqual(sameAnomalies(x));
      expect(hash(logs[1]!)).toBe(hash(logs[0]!));
      compared++;
    }
    expect(compared).toBeGreaterThan(80);
  });
});

describe('an amendment written by the last signer right after their sign-off, while another party signed in', () => {
  it('is kept with the sign-off, and counts once the party that signed in signs too', () => {
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    const { relay, phone, send } = relayCopy(log.events, 'minutes');
    // The owners' phone, offline: its sign-off locks its copy, and it amends at once.
    const signOff = log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const amend = log.add('minutes.amended', 'own1', { note: '车位数改为20个' });
    const signer = phone(20);
    signer.getArray('events').push([signOff]);
    signer.getArray('events').push([amend]);
    // Meanwhile the chair signed in a property committee member (a guest would not make 物业 sign),
    // which reached the relay first.
    const guest = log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'prop1', party: 'property' } });
    const chair = phone(30, relay);
    chair.getArray('events').push([guest]);
    send(chair, [guest], community);
    // Nothing is refused: the sign-off stands, the amendment waits for the lock.
    expect(() => send(signer, [signOff, amend], owners)).not.toThrow();
    const waiting = foldMinutes(relay.getArray('events').toArray());
    expect(waiting.locked).toBe(false);
    expect(waiting.signOffs.owners?.eventId).toBe(signOff.id);
    expect(waiting.amendments).toEqual([]);
    expect(waiting.anomalies.map((a) => [a.eventId, a.reason.code])).toEqual([[amend.id, 'not_locked']]);
    const last = log.add('minutes.signed-off', 'prop1', { party: 'property' });
    const prop = phone(40, relay);
    prop.getArray('events').push([last]);
    send(prop, [last], property);
    const locked = foldMinutes(relay.getArray('events').toArray());
    expect(locked.locked).toBe(true);
    expect(locked.amendments.map((a) => a.eventId)).toEqual([amend.id]);
    expect(locked.anomalies).toEqual([]);
  });
});
