import { describe, expect, it } from 'vitest';
import { didNotStand } from '../../../client/features/agenda/didNotStand.ts';
import type { RequestState } from '../../../shared/folds/index.ts';
import { assignedRequest, committee, raiser, request, scheduledRequest } from '../support/agendaLog.ts';

/** The timeline's entries of `r` that are marked as not standing, by event id. */
function marked(r: RequestState): string[] {
  return r.timeline.filter((e) => didNotStand(e, r)).map((e) => e.eventId);
}

describe('timeline entries kept beside what stands', () => {
  it('marks the rejection made at once with an approval, not the approval', () => {
    const log = scheduledRequest();
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    expect(marked(request(log).r)).toEqual([no.id]);
  });

  it('marks a withdrawal written beside an approval, and not a withdrawal that stands', () => {
    const log = scheduledRequest();
    const back = log.add('request.withdrawn', raiser, { requestId: 'r1', reason: '自己解决了' });
    expect(marked(request(log).r)).toEqual([]);
    log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
    expect(marked(request(log).r)).toEqual([back.id]);
  });

  it('marks the later of two merges, and a merge beside a rejection', () => {
    const log = scheduledRequest();
    log.add('request.raised', 'res2', { title: '飞线又来了', category: 'ev-charging' }, 'r2');
    log.add('request.raised', 'res3', { title: '楼道里充电', category: 'ev-charging' }, 'r3');
    const base = [...log.events];
    log.add('request.merged', committee, { requestId: 'r1', intoId: 'r2' });
    const second = log.add('request.merged', 'own1', { requestId: 'r1', intoId: 'r3' });
    expect(marked(request(log).r)).toEqual([second.id]);

    log.events.splice(0, log.events.length, ...base);
    const merged = log.add('request.merged', committee, { requestId: 'r1', intoId: 'r2' });
    log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' });
    expect(marked(request(log).r)).toEqual([merged.id]);
  });

  it('marks the later of two completions and of two answers to one escalation', () => {
    const log = assignedRequest();
    const up = log.add('request.escalated', committee, { requestId: 'r1', to: 'department', department: '街道' });
    log.add('request.answered', committee, { requestId: 'r1', escalationId: up.id, answer: '下周来看' });
    const answer = log.add('request.answered', 'own1', { requestId: 'r1', escalationId: up.id, answer: '已派人' });
    log.add('request.completed', 'own1', { requestId: 'r1', result: '装了充电桩' });
    const done = log.add('request.completed', committee, { requestId: 'r1', result: '物业装好了' });
    expect(marked(request(log).r)).toEqual([answer.id, done.id]);
  });

  it('marks nothing on a request whose steps all stand', () => {
    expect(marked(request(assignedRequest()).r)).toEqual([]);
  });
});
