import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents } from '../../shared/folds/index.ts';
import { assignedRequest, committee, completedRequest } from './support/agendaLog.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners, resident, resident2 } from './support/members.ts';

/**
 * A completed request's rounds (its completion, the ratings of it, a reopening, the work done
 * again) written on phones offline at once: request r1 must fold alike in every merge order.
 */
function inEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[], after: AppEvent[] = []) {
  const folds = everyMergeOrder(base, writes).map(({ events }) => {
    const state = foldEvents([...events, ...after]);
    return { r: state.agenda.requests.r1, anomalies: state.anomalies };
  });
  for (const fold of folds.slice(1)) expect(fold).toEqual(folds[0]);
  return folds[0]!;
}

describe('a committee reopening beside a reopening by ratings', () => {
  it('the committee reopening holds against a good rating written after both, in every merge order', () => {
    const log = completedRequest();
    const base = [...log.events];
    const poor = log.add('request.rated', 'res1', { requestId: 'r1', stars: 1 });
    const reopened = log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    const lift = log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 }); // saw both
    const { r, anomalies } = inEveryOrder(
      base,
      [
        { events: [poor], member: resident },
        { events: [reopened], member: community },
      ],
      [lift],
    );
    expect(r).toMatchObject({
      stage: 'reopened',
      reopenCount: 1,
      reopenCause: 'committee',
      reopenReason: '返工',
      reopenedFrom: null,
      averageRating: 3,
    });
    expect(anomalies).toEqual([]);
  });

  it('the committee reopening holds against a good rating written at once, in every merge order', () => {
    const log = completedRequest();
    const base = [...log.events];
    const poor = log.add('request.rated', 'res1', { requestId: 'r1', stars: 1 });
    const reopened = log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    const lift = log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [poor], member: resident },
      { events: [reopened], member: community },
      { events: [lift], member: resident2 },
    ]);
    expect(r).toMatchObject({ stage: 'reopened', reopenCount: 1, reopenCause: 'committee', averageRating: 3 });
    expect(anomalies).toEqual([]);
  });

  it('two committee reopenings at once count once, with the earlier reason by (at, id), in every merge order', () => {
    const log = completedRequest();
    const base = [...log.events];
    const first = log.add('request.reopened', committee, { requestId: 'r1', reason: '又有人拉飞线' });
    const second = log.add('request.reopened', 'own1', { requestId: 'r1', reason: '挡板松了' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [second], member: owners },
      { events: [first], member: community },
    ]);
    expect(r).toMatchObject({ stage: 'reopened', reopenCount: 1, reopenReason: '又有人拉飞线' });
    expect(r?.timeline.map((x) => x.eventId)).toContain(second.id);
    expect(anomalies).toEqual([]);
  });
});

/**
 * The raiser's one-star rating reopens the request; the owners' phone, holding it, does the work
 * again. A neighbour who saw only the first completion rates it five stars at once (the scenario of
 * `agendaReopenRefusal.test.ts`).
 */
function workAgain(kind: 'completed' | 'progressed', liftStamped: 'first' | 'last') {
  const log = completedRequest();
  const head = [...log.events];
  const early = liftStamped === 'first' && log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
  const poor = log.add('request.rated', 'res1', { requestId: 'r1', stars: 1 });
  const work =
    kind === 'completed'
      ? log.add('request.completed', 'own1', { requestId: 'r1', result: '返工完成' })
      : log.add('request.progressed', 'own1', { requestId: 'r1', note: '返工中' });
  const lift = early || log.add('request.rated', 'res2', { requestId: 'r1', stars: 5 });
  const { r, anomalies } = inEveryOrder(
    [...head, poor],
    [
      { events: [work], member: owners },
      { events: [lift], member: resident2 },
    ],
  );
  expect(anomalies).toEqual([]);
  return { r: r!, work, head };
}

describe('work done again on a request reopened by ratings, beside a good rating written at once', () => {
  it('a completion stamped after the reopening starts a round the later rating judges, in every merge order', () => {
    const { r, work } = workAgain('completed', 'last');
    expect(r).toMatchObject({
      stage: 'completed',
      completion: { eventId: work.id },
      concurrentCompletions: [],
      ratings: [{ by: 'res2', stars: 5 }],
      averageRating: 5,
      reopenCount: 1,
    });
  });

  it('a completion after a good rating that outweighs the poor one is kept beside the first, in every merge order', () => {
    const { r, work, head } = workAgain('completed', 'first');
    const first = head.at(-1)!;
    expect(r).toMatchObject({
      stage: 'completed',
      completion: { eventId: first.id },
      concurrentCompletions: [{ eventId: work.id }],
      averageRating: 3,
      reopenCount: 0,
    });
  });

  it('progress noted after the reopening holds it against the later good rating, in every merge order', () => {
    const { r, work } = workAgain('progressed', 'last');
    expect(r).toMatchObject({ stage: 'reopened', reopenCount: 1, averageRating: 3, progress: [{ eventId: work.id }] });
  });

  it('progress noted after a good rating that outweighs the poor one leaves it completed, in every merge order', () => {
    const { r, work } = workAgain('progressed', 'first');
    expect(r).toMatchObject({ stage: 'completed', reopenCount: 0, averageRating: 3, progress: [{ eventId: work.id }] });
  });
});

describe('a completion beside one that was then reopened', () => {
  it('the reopening stamped after both completions reopens the round they share, in every merge order', () => {
    const log = assignedRequest();
    const base = [...log.events];
    const done = log.add('request.completed', committee, { requestId: 'r1', result: '装了充电桩' });
    const beside = log.add('request.completed', 'own1', { requestId: 'r1', result: '物业装好了' });
    const reopened = log.add('request.reopened', committee, { requestId: 'r1', reason: '返工' });
    const { r, anomalies } = inEveryOrder(base, [
      { events: [done, reopened], member: community },
      { events: [beside], member: owners },
    ]);
    expect(r).toMatchObject({
      stage: 'reopened',
      completion: { eventId: done.id },
      concurrentCompletions: [{ eventId: beside.id }],
      reopenCount: 1,
    });
    expect(anomalies).toEqual([]);
  });
});
