import { describe, expect, it } from 'vitest';
import { assignedRequest, committee } from './support/agendaLog.ts';
import { community, owners, resident2 } from './support/members.ts';
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
