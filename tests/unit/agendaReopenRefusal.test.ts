import { describe, expect, it } from 'vitest';
import { committee, completedRequest, request } from './support/agendaLog.ts';
import { community, owners, resident, resident2 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';

/**
 * C1 completed. The raiser rates 1 star (reopens by ratings) and the relay takes it. The owners'
 * phone syncs, sees the request reopened and does the work again (or notes progress). Meanwhile a
 * neighbour who had seen only C1 rated 5 stars offline; Yjs puts that rating before the 1-star one
 * (lower client id, same origin), so the relay's fold has the request back at completed with C1
 * standing when the owners' honest write arrives.
 */
function scenario(kind: 'completed' | 'progressed' | 'assigned' | 'escalated') {
  const log = completedRequest();
  const { phone, send, events, relay } = relayCopy(log.events);
  const neighbour = phone(20); // saw C1 only
  const lift = log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
  neighbour.getArray('events').push([lift]);
  const raiserPhone = phone(30);
  const poor = log.add('request.rated', 'res1', { requestId: 'r1', stars: 1 });
  raiserPhone.getArray('events').push([poor]);
  send(raiserPhone, [poor], resident);
  const worker = phone(40, relay); // holds C1 and the 1-star rating: reopened
  expect(request(worker.getArray('events').toArray()).r.stage).toBe('reopened');
  const work =
    kind === 'completed'
      ? log.add('request.completed', 'own1', { requestId: 'r1', result: '返工完成' })
      : kind === 'progressed'
        ? log.add('request.progressed', 'own1', { requestId: 'r1', note: '返工中' })
        : kind === 'assigned'
          ? log.add('request.assigned', 'own1', {
              requestId: 'r1',
              owner: { party: 'property' },
              deadline: '2024-07-15',
            })
          : log.add('request.escalated', 'own1', { requestId: 'r1', to: 'community' });
  worker.getArray('events').push([work]);
  send(neighbour, [lift], resident2);
  return { send: () => send(worker, [work], owners), events };
}

describe('work done again after a reopening by ratings, beside a lifting rating', () => {
  for (const kind of ['completed', 'progressed', 'assigned', 'escalated'] as const) {
    it(`an honest ${kind} written on the reopened request is not refused`, () => {
      const { send } = scenario(kind);
      expect(send).not.toThrow();
    });
  }
});

describe('a committee reopening beside a reopening by ratings', () => {
  function events() {
    const log = completedRequest();
    const byRatings = log.add('request.rated', 'res1', { requestId: 'r1', stars: 1 });
    const byCommittee = log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    const lift = log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 }); // saw both
    return { log, byRatings, byCommittee, lift };
  }

  it('the relay keeps a completion written on the committee-reopened request', () => {
    const { log, byRatings, byCommittee, lift } = events();
    const head = log.events.slice(0, -3);
    const { phone, send, relay } = relayCopy(head);
    const rater = phone(20);
    rater.getArray('events').push([byRatings]);
    send(rater, [byRatings], resident);
    const comm = phone(30);
    comm.getArray('events').push([byCommittee]);
    const worker = phone(90, comm); // saw C1 and the committee's reopening only
    expect(request(worker.getArray('events').toArray()).r.stage).toBe('reopened');
    send(comm, [byCommittee], community);
    const neighbour = phone(40, relay); // saw both reopenings
    neighbour.getArray('events').push([lift]);
    send(neighbour, [lift], resident2);
    const again = log.add('request.completed', 'own1', { requestId: 'r1', result: '返工完成' });
    worker.getArray('events').push([again]);
    expect(() => send(worker, [again], owners)).not.toThrow();
  });
});
