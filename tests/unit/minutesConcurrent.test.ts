import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes } from '../../shared/folds/index.ts';
import { openActionItems } from '../../shared/folds/minutesQueries.ts';
import { checkPaper, minutesHash } from '../../shared/minutesHash.ts';
import { community, owners } from './support/members.ts';
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

/** The log's last two events, in both orders: the same minutes and the same printed hash. */
function bothOrders(log: TestLog) {
  const head = log.events.slice(0, -2);
  const [a, b] = log.events.slice(-2) as [AppEvent, AppEvent];
  const x = foldMinutes([...head, a, b]);
  const y = foldMinutes([...head, b, a]);
  const strip = (s: typeof x) => ({ ...s, anomalies: [] });
  expect(strip(y)).toEqual(strip(x));
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
