import { describe, expect, it } from 'vitest';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { openActionItems, ownsAction, unlinkedActionsOn } from '../../shared/folds/minutesQueries.ts';
import { TestLog } from './support/TestLog.ts';

function minutes() {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } });
  const forRes = log.add('minutes.action.created', 'comm1', {
    text: '统计3号楼充电需求',
    owner: { memberId: 'res1' },
    deadline: '2024-06-20',
  });
  const forProperty = log.add('minutes.action.created', 'comm1', {
    text: '修好路灯',
    owner: { party: 'property' },
    deadline: '2024-06-10',
    requestId: 'r1',
  });
  return { log, forRes, forProperty };
}

describe('action items on whose turn', () => {
  it('lists open items earliest deadline first, for the member or the party that owns them', () => {
    const { log } = minutes();
    const open = openActionItems([{ meetingId: 'm1', state: foldMinutes(log.events) }], {});
    expect(open.map((x) => x.item.text)).toEqual(['修好路灯', '统计3号楼充电需求']);
    const res = { memberId: 'res1', party: 'none' as const };
    const prop = { memberId: 'prop1', party: 'property' as const };
    expect(open.filter((x) => ownsAction(x.item, res)).map((x) => x.item.text)).toEqual(['统计3号楼充电需求']);
    expect(open.filter((x) => ownsAction(x.item, prop)).map((x) => x.item.text)).toEqual(['修好路灯']);
  });

  it('drops an item once it is marked done, even after the minutes are locked', () => {
    const { log, forRes } = minutes();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.action.done', 'res1', { actionId: forRes.id, owner: { memberId: 'res1' } });
    log.add('minutes.action.done', 'comm1', { actionId: forRes.id, owner: { memberId: 'res1' } });
    const state = foldMinutes(log.events);
    expect(state.locked).toBe(true);
    expect(state.anomalies).toEqual([]);
    expect(state.actionsDone[forRes.id]?.by).toBe('res1');
    expect(openActionItems([{ meetingId: 'm1', state }], {}).map((x) => x.item.text)).toEqual(['修好路灯']);
  });

  it('ignores a done mark naming another owner or no item', () => {
    const { log, forProperty } = minutes();
    log.add('minutes.action.done', 'res1', { actionId: forProperty.id, owner: { memberId: 'res1' } });
    log.add('minutes.action.done', 'res1', { actionId: 'nothing', owner: { memberId: 'res1' } });
    const state = foldMinutes(log.events);
    expect(state.anomalies.map((a) => a.reason)).toEqual([{ code: 'not_owner' }, { code: 'no_such', thing: 'target' }]);
    expect(openActionItems([{ meetingId: 'm1', state }], {})).toHaveLength(2);
  });

  it('drops an item once its request has ended', () => {
    const { log } = minutes();
    const agenda = new TestLog();
    agenda.add('request.raised', 'res1', { title: '路灯坏了', category: 'lighting' }, 'r1');
    agenda.add('request.withdrawn', 'res1', { requestId: 'r1', reason: '已修好' });
    const requests = foldEvents(agenda.events).agenda.requests;
    expect(requests.r1?.stage).toBe('withdrawn');
    const open = openActionItems([{ meetingId: 'm1', state: foldMinutes(log.events) }], requests);
    expect(open.map((x) => x.item.text)).toEqual(['统计3号楼充电需求']);
  });

  it('等谁办 lists, for a party, the open items tied to no request that it or one of its members owns', () => {
    const { log } = minutes();
    log.add('minutes.action.created', 'comm1', {
      text: '联系电力公司',
      owner: { party: 'property' },
      deadline: '2024-06-15',
    });
    log.add('minutes.action.created', 'comm1', {
      text: '找业主代表谈',
      owner: { memberId: 'own1' },
      deadline: '2024-06-12',
    });
    const done = log.add('minutes.action.created', 'comm1', {
      text: '贴通知',
      owner: { party: 'property' },
      deadline: '2024-06-01',
    });
    log.add('minutes.action.done', 'prop1', { actionId: done.id, owner: { party: 'property' } });
    const open = openActionItems([{ meetingId: 'm1', state: foldMinutes(log.events) }], {});
    const partyOf = (id: string) => ({ own1: 'owners' as const, res1: 'none' as const })[id];
    const on = (party: 'community' | 'owners' | 'property') =>
      unlinkedActionsOn(open, party, partyOf).map((x) => x.item.text);
    // 修好路灯 is tied to its request: it waits there, through the request's assignment.
    expect(on('property')).toEqual(['联系电力公司']);
    expect(on('owners')).toEqual(['找业主代表谈']);
    // A resident's item waits on no party.
    expect(on('community')).toEqual([]);
  });
});
