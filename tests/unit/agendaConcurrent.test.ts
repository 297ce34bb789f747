import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { committee, completedRequest, request } from './support/agendaLog.ts';
import type { TestLog } from './support/TestLog.ts';

/**
 * Residents and committee members act on one request from phones offline at the same time; Yjs
 * puts their events in either order. The request must come out the same either way.
 */

/** The log with its last two events, written offline at the same time, in both orders. */
function bothOrders(log: TestLog): [AppEvent[], AppEvent[]] {
  const head = log.events.slice(0, -2);
  const [a, b] = log.events.slice(-2) as [AppEvent, AppEvent];
  return [
    [...head, a, b],
    [...head, b, a],
  ];
}

describe('concurrent steps on one request', () => {
  it('two residents rating at once: a one-star and a five-star average three, and it stays completed in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab).toMatchObject({ stage: 'completed', averageRating: 3, reopenCount: 0, reopenCause: null });
    expect(ba).toEqual(ab);
  });

  it('two poor ratings at once reopen it once, in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 2 });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab).toMatchObject({ stage: 'reopened', averageRating: 1.5, reopenCount: 1, reopenCause: 'ratings' });
    expect(ba).toEqual(ab);
  });

  it('a reopening by ratings alone is undone by ratings that lift the average, and what came before is put back', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '又有人拉飞线' });
    log.add('request.completed', 'own1', { requestId: 'r1', result: '加装了挡板' });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 2 });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 2, reopenCause: 'ratings' });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    expect(request(log).r).toMatchObject({
      stage: 'completed',
      reopenCount: 1,
      reopenCause: 'committee',
      reopenReason: '又有人拉飞线',
      reopenedFrom: null,
    });
  });

  it('once someone acts on a reopening, a later good rating does not undo it', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1 });
    log.add('request.progressed', 'own1', { requestId: 'r1', note: '再去看看' });
    log.add('request.rated', 'res3', { requestId: 'r1', stars: 5 });
    expect(request(log).r).toMatchObject({ stage: 'reopened', reopenCount: 1, averageRating: 3 });
  });

  it('one resident rating on two phones: the later rating stands in either order', () => {
    const log = completedRequest();
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 1, comment: '还是不行' });
    log.add('request.rated', 'res2', { requestId: 'r1', stars: 5, comment: '看错了，挺好' });
    const [ab, ba] = bothOrders(log).map((events) => request(events).r);
    expect(ab?.ratings.map((x) => x.stars)).toEqual([5]);
    expect(ab).toMatchObject({ stage: 'completed', reopenCount: 0 });
    expect(ba).toEqual(ab);
  });

  it('two members assigning at once: the later assignment stands in either order', () => {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'owners' }, deadline: '2024-07-01' });
    log.add('request.assigned', 'admin1', { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-07-10' });
    const [ab, ba] = bothOrders(log).map((events) => request(events));
    expect(ab?.r.assignment).toMatchObject({ owner: { party: 'property' }, deadline: '2024-07-10' });
    expect(ba?.r).toEqual(ab?.r);
    expect(ab?.state.anomalies).toEqual([]);
    expect(ba?.state.anomalies).toEqual([]);
  });
});
