import { describe, expect, it } from 'vitest';
import { requestEdit, wordsOf } from '../../../client/domain/editRequest.ts';
import { guessCategory } from '../../../client/domain/guessCategory.ts';
import { anomaliesOf, PublicFold } from '../../../client/domain/PublicFold.ts';
import {
  type ActionId,
  actionsFor,
  canConfirm,
  canRate,
  canVote,
  stepOf,
} from '../../../client/features/agenda/steps.ts';
import { shanghaiTime } from '../../../client/features/meetings/selectors.ts';
import type { EventFields } from '../../../shared/events/index.ts';
import { CompoundFold, type RequestState } from '../../../shared/folds/index.ts';
import { owners, property, resident } from '../support/members.ts';
import { TestLog } from '../support/TestLog.ts';

/** A log that walks request r1 through the loop up to `stage`. */
function walk(stage: string): TestLog {
  const log = new TestLog();
  log.add('meeting.scheduled', owners.memberId, {
    meetingId: 'm1',
    kind: 'council',
    startsAt: log.at,
    place: '活动室',
  });
  log.add('request.raised', resident.memberId, { title: '路灯不亮', category: 'lighting' }, 'r1');
  log.add('request.raised', resident.memberId, { title: '另一件事', category: 'other' }, 'r2');
  const steps: [string, () => void][] = [
    [
      'classified',
      () => log.add('request.classified', owners.memberId, { requestId: 'r1', category: 'lighting', priority: 'high' }),
    ],
    ['scheduled', () => log.add('request.scheduled', owners.memberId, { requestId: 'r1', meetingId: 'm1' })],
    ['decided', () => log.add('request.decided', owners.memberId, { requestId: 'r1', outcome: 'approved', note: '' })],
    [
      'assigned',
      () =>
        log.add('request.assigned', owners.memberId, {
          requestId: 'r1',
          owner: { party: 'property' },
          deadline: '2024-06-01',
        }),
    ],
    ['completed', () => log.add('request.completed', property.memberId, { requestId: 'r1', result: '修好了' })],
    ['reopened', () => log.add('request.rated', resident.memberId, { requestId: 'r1', stars: 1, solved: false })],
  ];
  for (const [name, add] of steps) {
    if (stage === 'raised') break;
    add();
    if (name === stage) break;
  }
  return log;
}

function fold(log: TestLog) {
  const f = new PublicFold();
  f.applyDelta([{ insert: log.events }]);
  return f.state;
}

const payload: Record<ActionId, () => [string, EventFields<never>]> = {
  classify: () => ['request.classified', { requestId: 'r1', category: 'roads', priority: 'low' } as never],
  merge: () => ['request.merged', { requestId: 'r1', intoId: 'r2' } as never],
  schedule: () => ['request.scheduled', { requestId: 'r1', meetingId: 'm1' } as never],
  tally: () => ['request.tallied', { requestId: 'r1', tally: { for: 3, against: 1, abstain: 0 } } as never],
  decide: () => ['request.decided', { requestId: 'r1', outcome: 'deferred', note: '' } as never],
  confirmPaper: () => [
    'request.confirmed',
    { requestId: 'r1', onPaper: { names: ['李叔'], photos: ['a'.repeat(64)] } } as never,
  ],
  assign: () => [
    'request.assigned',
    { requestId: 'r1', owner: { party: 'community' }, deadline: '2024-07-01' } as never,
  ],
  escalate: () => ['request.escalated', { requestId: 'r1', to: 'community' } as never],
  progress: () => ['request.progressed', { requestId: 'r1', note: '在办' } as never],
  complete: () => ['request.completed', { requestId: 'r1', result: '办好了' } as never],
  reopen: () => ['request.reopened', { requestId: 'r1', reason: '又坏了' } as never],
  edit: () => ['request.edited', { requestId: 'r1', title: '北门路灯不亮' } as never],
  withdraw: () => ['request.withdrawn', { requestId: 'r1', reason: '不用了' } as never],
};

describe('the request page offers only what the fold accepts', () => {
  for (const stage of ['raised', 'classified', 'scheduled', 'decided', 'assigned', 'completed', 'reopened']) {
    it(`every action offered when ${stage} folds without an anomaly`, () => {
      const request = fold(walk(stage)).compound.agenda.requests.r1 as RequestState;
      expect(request.stage).toBe(stage);
      const offered = [...actionsFor(request, owners), ...actionsFor(request, resident)];
      for (const action of new Set(offered)) {
        const log = walk(stage);
        const [type, fields] = payload[action]();
        const by = action === 'withdraw' || action === 'edit' ? resident.memberId : owners.memberId;
        log.add(type as never, by, fields);
        const state = fold(log);
        expect({ action, anomalies: anomaliesOf(state, 'r1') }).toEqual({ action, anomalies: [] });
      }
    });
  }

  it('lets residents vote while deliberated, confirm a decision once, and rate a completion', () => {
    const scheduled = fold(walk('scheduled')).compound.agenda.requests.r1!;
    expect([canVote(scheduled), canConfirm(scheduled, resident.memberId), canRate(scheduled)]).toEqual([
      true,
      false,
      false,
    ]);
    const log = walk('decided');
    expect(canConfirm(fold(log).compound.agenda.requests.r1!, resident.memberId)).toBe(true);
    log.add('request.confirmed', resident.memberId, { requestId: 'r1' });
    expect(canConfirm(fold(log).compound.agenda.requests.r1!, resident.memberId)).toBe(false);
    expect(canRate(fold(walk('completed')).compound.agenda.requests.r1!)).toBe(true);
    expect(actionsFor(scheduled, resident)).toEqual(['edit', 'withdraw']);
  });

  it('places each stage on the six steps', () => {
    const at = (stage: string) => stepOf(fold(walk(stage)).compound.agenda.requests.r1!);
    expect(at('raised')).toEqual({ index: 1, ended: false });
    expect(at('scheduled')).toEqual({ index: 2, ended: false });
    expect(at('assigned')).toEqual({ index: 3, ended: false });
    expect(at('completed')).toEqual({ index: 4, ended: false });
    expect(at('reopened')).toEqual({ index: 5, ended: false });
  });
});

describe('anomalies on a request', () => {
  it('are found by the request their event names, with who did it and why', () => {
    const log = walk('decided');
    log.add('request.completed', property.memberId, { requestId: 'r1', result: '修好了' }, 'late');
    const state = fold(log);
    const found = anomaliesOf(state, 'r1');
    expect(found).toMatchObject([{ eventId: 'late', type: 'request.completed', by: property.memberId }]);
    expect(found[0]!.reason).toEqual({ code: 'stage', stage: 'decided' });
    expect(anomaliesOf(state, 'r2')).toEqual([]);
  });

  it('match what CompoundFold alone reports', () => {
    const log = walk('decided');
    log.add('request.completed', property.memberId, { requestId: 'r1', result: '修好了' }, 'late');
    const plain = new CompoundFold();
    plain.applyDelta([{ insert: log.events }]);
    expect(fold(log).compound).toEqual(plain.state);
  });
});

describe('small helpers', () => {
  it('guesses a quickly captured request’s category from its words', () => {
    expect(guessCategory('3号楼楼道灯不亮')).toBe('lighting');
    expect(guessCategory('楼下飞线充电太危险')).toBe('ev-charging');
    expect(guessCategory('东门消防通道被占')).toBe('fire-lane');
    expect(guessCategory('希望多开展文艺活动')).toBe('other');
  });

  it('reads a meeting time as Asia/Shanghai wall-clock time', () => {
    expect(shanghaiTime('2024-05-06', '19:30')).toBe(Date.parse('2024-05-06T11:30:00Z'));
    expect(shanghaiTime('2024-05-06', '')).toBeUndefined();
  });
});

describe('the raiser corrects a request', () => {
  const request = () => fold(walk('raised')).compound.agenda.requests.r1 as RequestState;
  const words = { title: '路灯不亮', building: '', location: '', detail: '' };

  it('writes only what changed, trimmed, and the fold takes it', () => {
    const edit = requestEdit(request(), { ...words, title: ' 北门路灯不亮 ', building: '3号楼' });
    expect(edit).toEqual({ patch: { title: '北门路灯不亮', building: '3号楼' } });
    const log = walk('raised');
    if (!('patch' in edit)) throw new Error('refused');
    log.add('request.edited', resident.memberId, { requestId: 'r1', ...edit.patch });
    const state = fold(log);
    expect(anomaliesOf(state, 'r1')).toEqual([]);
    const r1 = state.compound.agenda.requests.r1!;
    expect(wordsOf(r1)).toEqual({ title: '北门路灯不亮', building: '3号楼', location: '', detail: '' });
    expect(r1.edits).toEqual([
      {
        eventId: expect.any(String),
        at: expect.any(Number),
        by: resident.memberId,
        photos: false,
        set: { title: '北门路灯不亮', building: '3号楼' },
        changes: [
          { field: 'title', before: '路灯不亮', after: '北门路灯不亮' },
          { field: 'building', before: null, after: '3号楼' },
        ],
      },
    ]);
    // The same words again change nothing.
    expect(requestEdit(r1, wordsOf(r1))).toEqual({ code: 'nothing_changed' });
  });

  it('refuses an empty title and emptying a building or place, with a code', () => {
    expect(requestEdit(request(), { ...words, title: '  ' })).toEqual({ code: 'title_empty' });
    const log = walk('raised');
    log.add('request.edited', resident.memberId, { requestId: 'r1', location: '北门' });
    const r1 = fold(log).compound.agenda.requests.r1!;
    expect(requestEdit(r1, { ...wordsOf(r1), location: ' ' })).toEqual({ code: 'cannot_clear', field: 'location' });
    // Detail may be emptied: its field takes an empty text.
    log.add('request.edited', resident.memberId, { requestId: 'r1', detail: '晚上黑' });
    const r2 = fold(log).compound.agenda.requests.r1!;
    expect(requestEdit(r2, { ...wordsOf(r2), detail: '' })).toEqual({ patch: { detail: '' } });
  });

  it('is offered to the raiser only, and only until a decision', () => {
    expect(actionsFor(request(), resident)).toContain('edit');
    expect(actionsFor(request(), owners)).not.toContain('edit');
    expect(actionsFor(fold(walk('decided')).compound.agenda.requests.r1!, resident)).not.toContain('edit');
  });
});
