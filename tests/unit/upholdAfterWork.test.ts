import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { upholdReach, upholdSteps } from '../../shared/folds/meetingLoop.ts';
import { committee, request, scheduledRequest } from './support/agendaLog.ts';
import { community, owners, property } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';

/**
 * 以这条为准 on a rejection after the approval beside it was assigned: the request keeps its own
 * decision (the question says so), and the relay refuses such an upholding whose author saw the work.
 */

/** An approval and a rejection written at once on r1, the approval's work then assigned. */
function assignedBesideRejection() {
  const log = scheduledRequest();
  log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' }, 'd1');
  const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' }, 'd2');
  log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-05-10' });
  return { log, no };
}

describe('以这条为准 on a rejection after the work was assigned', () => {
  it('writes nothing on the request and says its own decision stays', () => {
    const { log, no } = assignedBesideRejection();
    const { r } = request(log);
    expect(upholdSteps(r, { eventId: no.id, text: no.note })).toEqual([]);
    expect(upholdReach(r, { eventId: no.id, text: no.note })).toBe('assigned');
    expect(r.stage).toBe('assigned');
    expect(r.decision?.outcome).toBe('approved');
  });

  it('still carries an approval upheld over the rejection', () => {
    const { log } = assignedBesideRejection();
    const { r } = request(log);
    expect(upholdReach(r, { eventId: 'd1', text: '同意' })).toBe('request');
  });

  it('is refused by the relay when its author held the assignment', () => {
    const { log, no } = assignedBesideRejection();
    const { phone, send } = relayCopy(log.events);
    const p = phone(71);
    const upheld = log.add('request.decision.upheld', 'own1', { requestId: 'r1', decisionId: no.id });
    p.getArray('events').push([upheld]);
    expect(() => send(p, [upheld], owners)).toThrow(/already_assigned/);
  });
});

describe('work on a request closed by an upheld rejection', () => {
  it('is refused by the relay when its author held the upholding, kept when written beside it', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const base = [...log.events];
    log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    expect(request(log).r.stage).toBe('closed');
    const { phone, send } = relayCopy(log.events);
    const p = phone(77);
    const owner = { party: 'property' as const };
    const assigned = log.add('request.assigned', 'prop1', { requestId: 'r1', owner, deadline: '2024-06-30' });
    p.getArray('events').push([assigned]);
    expect(() => send(p, [assigned], property)).toThrow(/already_upheld/);
    const escalated = log.add('request.escalated', 'own1', {
      requestId: 'r1',
      to: 'department',
      department: '供电公司',
    });
    const o = phone(80);
    o.getArray('events').push([escalated]);
    expect(() => send(o, [escalated], owners)).toThrow(/already_upheld/);
    // Written on a phone that had not seen the upholding: kept.
    const beside = relayCopy(base);
    const chair = beside.phone(78);
    const q = beside.phone(79);
    const upheld = log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id });
    chair.getArray('events').push([upheld]);
    beside.send(chair, [upheld], community);
    const early = log.add('request.assigned', 'prop1', { requestId: 'r1', owner, deadline: '2024-06-30' });
    q.getArray('events').push([early]);
    expect(() => beside.send(q, [early], property)).not.toThrow();
    expect(foldEvents(beside.events()).agenda.requests.r1?.stage).toBe('assigned');
  });
});
