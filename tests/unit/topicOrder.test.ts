import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents, orderTopics } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const t0 = Date.parse('2024-06-10T06:00:00Z');

/** Every order of a list (small lists only). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

const topics = ['r1', 'r2', 'r3', 'r4'].map((id) => ({ id }));

function orderOf(events: readonly AppEvent[]): string[] {
  const order = foldEvents(events).meetings.meetings.m1?.topicOrder ?? null;
  return orderTopics(topics, order).map((t) => t.id);
}

describe('topic order', () => {
  it('keeps the topics as given until the committee orders them', () => {
    expect(orderTopics(topics, null).map((t) => t.id)).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('puts the ordered topics first and keeps the ones an ordering leaves out after them', () => {
    const order = { eventId: 'o1', at: t0, requestIds: ['r3', 'gone', 'r1', 'r3'] };
    expect(orderTopics(topics, order).map((t) => t.id)).toEqual(['r3', 'r1', 'r2', 'r4']);
  });

  it('folds to the ordering latest by time, then id, whatever the log order', () => {
    const log = new TestLog();
    const schedule = log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm1',
      kind: 'council',
      startsAt: t0,
      place: '议事厅',
    });
    const orderings = [
      log.add('meeting.topics.ordered', 'comm1', { meetingId: 'm1', requestIds: ['r4', 'r3', 'r2', 'r1'] }),
      log.add('meeting.topics.ordered', 'own1', { meetingId: 'm1', requestIds: ['r2', 'r1'] }),
      // Two phones offline order at the same millisecond: the larger event id wins on every copy.
      { ...log.add('meeting.topics.ordered', 'prop1', { meetingId: 'm1', requestIds: ['r3', 'r1'] }, 'zz'), at: 0 },
      { ...log.add('meeting.topics.ordered', 'comm1', { meetingId: 'm1', requestIds: ['r1', 'r4'] }, 'aa'), at: 0 },
    ];
    const latest = orderings[1]?.at ?? 0;
    const tied = orderings.map((e, i) => (i >= 2 ? { ...e, at: latest } : e));
    const seen = new Set<string>();
    for (const p of permutations(tied)) {
      const state = foldEvents([schedule, ...p]);
      expect(state.anomalies).toEqual([]);
      seen.add(orderOf([schedule, ...p]).join());
    }
    expect([...seen]).toEqual(['r3,r1,r2,r4']);
  });

  it('refuses to order the topics of a meeting it does not hold', () => {
    const log = new TestLog();
    log.add('meeting.topics.ordered', 'comm1', { meetingId: 'm9', requestIds: ['r1'] });
    expect(foldEvents(log.events).anomalies.map((a) => a.reason)).toEqual([{ code: 'no_such', thing: 'meeting' }]);
  });
});
