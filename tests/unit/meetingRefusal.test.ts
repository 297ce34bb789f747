import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { creatorTag, mayCreateMeeting, newMeetingId } from '../../shared/meetingIds.ts';
import { passedTally } from './support/exampleEvents.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

const DAY = 86_400_000;
const t0 = Date.parse('2024-06-10T06:00:00Z');

/** A log before the meeting, and its creation synced to the relay from an honest phone. */
function created(kind: 'three-party' | 'owners-assembly' = 'three-party') {
  const log = new TestLog();
  log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
  const base = [...log.events];
  const create = log.add('meeting.scheduled', 'comm1', { meetingId: 'm1', kind, startsAt: t0, place: '议事厅' });
  const copy = relayCopy(base);
  const honest = copy.phone(50);
  honest.getArray('events').push([create]);
  copy.send(honest, [create], community);
  return { log, copy, honest, create };
}

// A review (2026-12-04): a committee member who knew a meeting's id wrote a scheduling of it from a
// copy made before it, under a smaller Yjs client id. Yjs put it before the creation, it became the
// creator with another kind, and honest moves repeating the kind their copy held were refused.
describe('meetings: a scheduling of a held meeting id placed before its creation', () => {
  it('is refused (meeting_exists)', () => {
    const { log, copy } = created();
    const forged = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'little-stool',
      startsAt: t0,
      place: '楼下',
    });
    const hostile = copy.phone(5);
    hostile.getArray('events').push([forged]);
    expect(() => copy.send(hostile, [forged], owners)).toThrow(/meeting_exists/);
  });

  it('is refused when its author held the creation and inserted it before', () => {
    const { log, copy, honest } = created();
    const hostile = copy.phone(5, honest);
    const forged = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'little-stool',
      startsAt: t0,
      place: '楼下',
    });
    hostile.getArray('events').insert(0, [forged]);
    expect(() => copy.send(hostile, [forged], owners)).toThrow(/meeting_exists/);
  });

  it("keeps an owners' assembly one, so a link to its decision stays one", () => {
    const { log, copy } = created('owners-assembly');
    const forged = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'little-stool',
      startsAt: t0,
      place: '楼下',
    });
    const hostile = copy.phone(5);
    hostile.getArray('events').push([forged]);
    expect(() => copy.send(hostile, [forged], owners)).toThrow(/meeting_exists/);
    const proposed = log.add(
      'ledger.expense.proposed',
      'prop1',
      { fundId: 'f1', amount: 8_000_000, payee: '华宇', purpose: '外墙维修', quotes: [photo] },
      'x1',
    );
    const link = log.add('ledger.expense.assembly-linked', 'own1', {
      expenseId: 'x1',
      meetingId: 'm1',
      decisionId: 'd1',
      assembly: passedTally,
    });
    // Had the relay stored it (it applied it before refusing), the link would be `not_assembly`,
    // a causal rule: refused, and the honest phone reset.
    const taken = foldEvents([...copy.events(), proposed, link]);
    expect(taken.anomalies.find((a) => a.eventId === link.id)?.reason).toEqual({ code: 'not_assembly' });
    // The room reloads what it stored, without it.
    const stored = copy.events().filter((e) => e.id !== forged.id);
    const state = foldEvents([...stored, proposed, link]);
    expect(state.meetings.meetings.m1?.kind).toBe('owners-assembly');
    expect(state.anomalies).toEqual([]);
  });

  it('takes a move from a phone offline since it synced the creation, and a new meeting', () => {
    const { log, copy, honest } = created();
    const offline = copy.phone(60, honest);
    const move = log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
    });
    const other = log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm2',
      kind: 'council',
      startsAt: t0,
      place: '议事厅',
    });
    offline.getArray('events').push([move, other]);
    expect(() => copy.send(offline, [move, other], community)).not.toThrow();
    expect(foldEvents(copy.events()).meetings.meetings.m1).toMatchObject({ kind: 'three-party', startsAt: t0 + DAY });
  });
});

// A meeting set up offline shows its sign-in QR before its scheduling reaches the relay: its id is
// out. Someone who scanned it could schedule that id first and fix the meeting's kind; the real
// creation would then be refused and its phone reset.
describe('meetings: an id naming its creator', () => {
  const random = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
  const id = newMeetingId('comm1', random);

  it('names the member who made it, and nobody else', () => {
    expect(id).toMatch(/^t[A-Za-z0-9_-]{11}[0-9a-f]{32}$/);
    expect(id.slice(1, 12)).toBe(creatorTag('comm1'));
    expect(creatorTag('own1')).not.toBe(creatorTag('comm1'));
    expect(mayCreateMeeting(id, 'comm1')).toBe(true);
    expect(mayCreateMeeting(id, 'own1')).toBe(false);
    // Ids made before carry no tag: anyone may create them, as before.
    expect(mayCreateMeeting('0f8e2c1a-5b7d-4e3f-9a21-6c4d8b2e1f00', 'own1')).toBe(true);
    expect(mayCreateMeeting('0f8e2c1a5b7d4e3f9a216c4d8b2e1f00', 'own1')).toBe(true);
  });

  it('refuses its creation by another member who saw it first (meeting_not_yours)', () => {
    const log = new TestLog();
    log.add('ledger.fund.opened', 'admin1', { name: '三方共管账户', kind: 'shared-account' }, 'f1');
    const copy = relayCopy(log.events);
    const taken = log.add('meeting.scheduled', 'own1', {
      meetingId: id,
      kind: 'little-stool',
      startsAt: t0,
      place: '楼下',
    });
    const hostile = copy.phone(5);
    hostile.getArray('events').push([taken]);
    expect(() => copy.send(hostile, [taken], owners)).toThrow(/meeting_not_yours/);

    // The room reloads what it stored, without it; the creator's phone, offline all along, syncs
    // its creation afterwards: taken as ever.
    const stored = relayCopy(copy.events().filter((e) => e.id !== taken.id));
    const create = log.add('meeting.scheduled', 'comm1', {
      meetingId: id,
      kind: 'three-party',
      startsAt: t0,
      place: '议事厅',
    });
    const creator = stored.phone(50);
    creator.getArray('events').push([create]);
    expect(() => stored.send(creator, [create], community)).not.toThrow();
    expect(foldEvents(stored.events()).meetings.meetings[id]).toMatchObject({
      kind: 'three-party',
      scheduledBy: 'comm1',
    });
  });

  it('takes a move by another member once the creation is held', () => {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', { meetingId: id, kind: 'three-party', startsAt: t0, place: '议事厅' });
    const copy = relayCopy(log.events);
    const phone = copy.phone(40);
    const move = log.add('meeting.scheduled', 'own1', {
      meetingId: id,
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
    });
    phone.getArray('events').push([move]);
    expect(() => copy.send(phone, [move], owners)).not.toThrow();
    expect(foldEvents(copy.events()).meetings.meetings[id]).toMatchObject({ startsAt: t0 + DAY, scheduledBy: 'comm1' });
  });
});

// The same review: the relay stored acting on a meeting its author's copy held cancelled.
describe('meetings: acting on a meeting its author saw cancelled', () => {
  function cancelled() {
    const log = new TestLog();
    log.add('meeting.scheduled', 'comm1', { meetingId: 'm1', kind: 'three-party', startsAt: t0, place: '议事厅' });
    log.add('meeting.cancelled', 'comm1', { meetingId: 'm1', reason: '下雨' });
    const copy = relayCopy(log.events);
    return { log, copy, phone: copy.phone(40) };
  }

  it('refuses ordering its topics (meeting_cancelled)', () => {
    const { log, copy, phone } = cancelled();
    const order = log.add('meeting.topics.ordered', 'own1', { meetingId: 'm1', requestIds: ['r1'] });
    phone.getArray('events').push([order]);
    expect(() => copy.send(phone, [order], owners)).toThrow(/meeting_cancelled/);
  });

  it('refuses moving it', () => {
    const { log, copy, phone } = cancelled();
    const move = log.add('meeting.scheduled', 'own1', {
      meetingId: 'm1',
      kind: 'three-party',
      startsAt: t0 + DAY,
      place: '议事厅',
    });
    phone.getArray('events').push([move]);
    expect(() => copy.send(phone, [move], owners)).toThrow(/meeting_cancelled/);
  });

  it('refuses cancelling it again', () => {
    const { log, copy, phone } = cancelled();
    const again = log.add('meeting.cancelled', 'own1', { meetingId: 'm1', reason: '主任出差' });
    phone.getArray('events').push([again]);
    expect(() => copy.send(phone, [again], owners)).toThrow(/meeting_cancelled/);
  });
});
