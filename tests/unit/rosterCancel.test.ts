import { describe, expect, it } from 'vitest';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, resident2 } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { dutyLog } from './support/rosterLog.ts';

describe('rosters fold: a sign-up written offline while the duty was cancelled on another phone', () => {
  it('folds alike in every merge order', () => {
    const log = dutyLog(2);
    const base = [...log.events];
    const cancel = log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '下雨' });
    const signup = log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' });
    const runs = everyMergeOrder(base, [
      { events: [cancel], member: community },
      { events: [signup], member: resident2 },
    ]);
    const states = runs.map((r) => ({
      signups: Object.keys(r.state.rosters.duties.d1?.signups ?? {}),
      anomalies: r.state.anomalies.map((a) => a.reason.code),
    }));
    expect(states[1]).toEqual(states[0]);
  });

  it('is refused when its author saw the duty cancelled, wherever it is placed', () => {
    const log = dutyLog(2);
    const cancel = log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '下雨' });
    const { relay, phone, send } = relayCopy(log.events);
    const h = phone(50, relay);
    const mine = { ...log.add('roster.signed-up', 'res2', { dutyId: 'd1', memberId: 'res2' }), at: cancel.at - 60_000 };
    h.getArray('events').push([mine]);
    expect(() => send(h, [mine], resident2)).toThrow(/duty_cancelled/);
  });

  it('gives the reason of the earlier of two cancellations, in every merge order', () => {
    const log = dutyLog(2);
    const base = [...log.events];
    const first = log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '下雨' });
    const second = log.add('roster.duty.cancelled', 'comm1', { dutyId: 'd1', reason: '停电' });
    const runs = everyMergeOrder(base, [
      { events: [second], member: community },
      { events: [first], member: community },
    ]);
    for (const r of runs) expect(r.state.rosters.duties.d1?.cancelReason).toBe('下雨');
    expect(runs.map((r) => r.state.anomalies)).toEqual(runs.map(() => []));
  });
});
