import { describe, expect, it } from 'vitest';
import {
  assignedRequest,
  committee,
  completedRequest,
  raiser,
  request,
  scheduledRequest,
} from './support/agendaLog.ts';
import { community, owners, resident, resident2 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';

/**
 * A step its author's copy shows taken already cannot be taken again: the relay judges it by what
 * its author surely held (its causal past), wherever they place it in the log. Two phones taking it
 * offline at the same time are a conflict the request shows (`agendaConcurrent.test.ts`).
 */
describe('a step whose author saw it taken', () => {
  it('a resident confirming again is refused (already_confirmed), even placed before the confirmation seen', () => {
    const log = assignedRequest();
    log.add('request.confirmed', 'res2', { requestId: 'r1' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const again = log.add('request.confirmed', 'res2', { requestId: 'r1' });
    late.getArray('events').insert(log.events.length - 2, [again]);
    expect(() => send(late, [again], resident2)).toThrow(/already_confirmed/);
  });

  it('a paper sheet recorded by a member who confirmed in the app is kept', () => {
    const log = assignedRequest();
    log.add('request.confirmed', 'own1', { requestId: 'r1' });
    const { phone, send } = relayCopy(log.events);
    const next = phone(66);
    const sheet = log.add('request.confirmed', 'own1', {
      requestId: 'r1',
      onPaper: { names: ['张三'], photos: ['a'.repeat(64)] },
    });
    next.getArray('events').push([sheet]);
    expect(() => send(next, [sheet], owners)).not.toThrow();
  });

  it('an answer to an escalation its author saw answered is refused (already_answered)', () => {
    const log = assignedRequest();
    const up = log.add('request.escalated', committee, { requestId: 'r1', to: 'community' });
    log.add('request.answered', committee, { requestId: 'r1', escalationId: up.id, answer: '下周来看' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const again = log.add('request.answered', 'own1', { requestId: 'r1', escalationId: up.id, answer: '已派人' });
    late.getArray('events').insert(log.events.length - 2, [again]);
    expect(() => send(late, [again], owners)).toThrow(/already_answered/);
  });

  it('an answer to another escalation is kept', () => {
    const log = assignedRequest();
    const up = log.add('request.escalated', committee, { requestId: 'r1', to: 'community' });
    const up2 = log.add('request.escalated', committee, { requestId: 'r1', to: 'department', department: '街道' });
    log.add('request.answered', committee, { requestId: 'r1', escalationId: up.id, answer: '下周来看' });
    const { phone, send } = relayCopy(log.events);
    const next = phone(66);
    const other = log.add('request.answered', committee, { requestId: 'r1', escalationId: up2.id, answer: '收到' });
    next.getArray('events').push([other]);
    expect(() => send(next, [other], community)).not.toThrow();
  });
});

describe('work whose author saw the request completed', () => {
  it('a second completion is refused (already_completed), even placed before the one seen', () => {
    const log = completedRequest();
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const again = log.add('request.completed', committee, { requestId: 'r1', result: '又修了一遍' });
    late.getArray('events').insert(log.events.length - 2, [again]);
    expect(() => send(late, [again], community)).toThrow(/already_completed/);
  });

  it('a reassignment or a progress note on the completed request is refused (already_completed)', () => {
    const log = completedRequest();
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const note = log.add('request.progressed', committee, { requestId: 'r1', note: '再看看' });
    late.getArray('events').push([note]);
    expect(() => send(late, [note], community)).toThrow(/already_completed/);
    const other = phone(77);
    const moved = log.add('request.assigned', committee, {
      requestId: 'r1',
      owner: { party: 'property' },
      deadline: '2024-07-15',
    });
    other.getArray('events').push([moved]);
    expect(() => send(other, [moved], community)).toThrow(/already_completed/);
  });

  it('a completion after the committee reopened it is kept', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    const { phone, send, events } = relayCopy(log.events);
    const next = phone(66);
    const again = log.add('request.completed', 'own1', { requestId: 'r1', result: '返工完成' });
    next.getArray('events').push([again]);
    expect(() => send(next, [again], owners)).not.toThrow();
    expect(request(events()).r).toMatchObject({ completion: { eventId: again.id }, concurrentCompletions: [] });
  });
});

describe('an end whose author saw the request ended', () => {
  /** Request r1 scheduled and a duplicate r2; `seen` written before the phone that writes next. */
  function seen(write: (log: ReturnType<typeof scheduledRequest>) => void) {
    const log = scheduledRequest();
    log.add('request.raised', 'res2', { title: '飞线又来了', category: 'ev-charging' }, 'r2');
    write(log);
    const copy = relayCopy(log.events);
    return { log, late: copy.phone(66), send: copy.send };
  }

  it('a withdrawal of a request its raiser saw approved is refused (already_decided)', () => {
    const { log, late, send } = seen((l) => {
      l.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    });
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '算了' });
    late.getArray('events').insert(log.events.length - 2, [back]);
    expect(() => send(late, [back], resident)).toThrow(/already_decided/);
  });

  it('a second withdrawal is refused (already_withdrawn), even stamped before the first', () => {
    const { log, late, send } = seen((l) => {
      l.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    });
    const back = { ...log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '算了' }), at: 0 };
    late.getArray('events').push([back]);
    expect(() => send(late, [back], resident)).toThrow(/already_withdrawn/);
  });

  it('a decision on a request its author saw withdrawn is refused (already_withdrawn)', () => {
    const { log, late, send } = seen((l) => {
      l.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    });
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    late.getArray('events').push([yes]);
    expect(() => send(late, [yes], community)).toThrow(/already_withdrawn/);
  });

  it('a merge of a request its author saw merged elsewhere is refused (already_merged)', () => {
    const { log, late, send } = seen((l) => {
      l.add('request.raised', 'res3', { title: '楼道里充电', category: 'ev-charging' }, 'r3');
      l.add('request.merged', committee, { requestId: 'r1', intoId: 'r3' });
    });
    const merged = log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r2' });
    late.getArray('events').push([merged]);
    expect(() => send(late, [merged], owners)).toThrow(/already_merged/);
  });

  it('a merge into a request its author saw merged into the duplicate is refused (target_ended)', () => {
    const { log, late, send } = seen((l) => {
      l.add('request.merged', committee, { requestId: 'r2', intoId: 'r1' });
    });
    const merged = log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r2' });
    late.getArray('events').push([merged]);
    expect(() => send(late, [merged], owners)).toThrow(/target_ended/);
  });
});
