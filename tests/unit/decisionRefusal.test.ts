import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { committee, scheduledRequest } from './support/agendaLog.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';

/**
 * A committee member who saw a request decided cannot decide it again: the relay judges a decision
 * by what its author surely held (its causal past), wherever they place it in the log. Two phones
 * deciding offline at the same time are a conflict the request shows, and both are kept.
 */
describe('a decision whose author saw the request decided', () => {
  it('is refused (already_decided), even placed before the decision it saw', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const mine = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '我反对' });
    // Right before the approval: had the relay kept it, the request would hold two decisions made at once.
    late.getArray('events').insert(log.events.length - 2, [mine]);
    expect(() => send(late, [mine], owners)).toThrow(/already_decided/);
  });

  it('is refused when it defers a request its author saw rejected', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    const { phone, send } = relayCopy(log.events);
    const late = phone(66);
    const mine = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'deferred', note: '再议' });
    late.getArray('events').push([mine]);
    expect(() => send(late, [mine], owners)).toThrow(/already_decided/);
  });
});

describe('a decision whose author had not seen the other', () => {
  it('is kept when another phone’s decision reached the relay first, and shown beside it', () => {
    const log = scheduledRequest();
    const { phone, send, events } = relayCopy(log.events);
    const [first, second] = [phone(10), phone(20)];
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    first.getArray('events').push([yes]);
    send(first, [yes], community);
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    second.getArray('events').push([no]);
    expect(() => send(second, [no], owners)).not.toThrow();
    expect(foldEvents(events()).agenda.requests.r1).toMatchObject({
      decision: { eventId: yes.id },
      concurrentDecisions: [{ eventId: no.id }],
    });
  });

  it('is kept after a deferral its author saw', () => {
    const log = scheduledRequest();
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'deferred', note: '下次再议' });
    const { phone, send } = relayCopy(log.events);
    const next = phone(30);
    const mine = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'approved', note: '同意' });
    next.getArray('events').push([mine]);
    expect(() => send(next, [mine], owners)).not.toThrow();
  });
});
