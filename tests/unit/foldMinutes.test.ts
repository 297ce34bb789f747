import { describe, expect, it } from 'vitest';
import { foldMinutes } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

function meeting() {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } });
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'own1', party: 'owners' } });
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'res1', party: 'none' } });
  log.add('minutes.signed-in', 'comm1', { attendee: { name: '街道办 周主任', party: 'none' } });
  log.add('minutes.item.taken-up', 'comm1', { requestId: 'r1' });
  log.add('minutes.decision.recorded', 'comm1', {
    text: '表决通过',
    tally: { for: 8, against: 1, abstain: 0 },
    requestId: 'r1',
  });
  log.add('minutes.action.created', 'comm1', {
    text: '安装充电桩',
    owner: { party: 'owners' },
    deadline: '2024-07-01',
    requestId: 'r1',
  });
  return log;
}

describe('minutes', () => {
  it('locks once every party present has signed, and keeps later changes as amendments', () => {
    // A decision after the lock in the log and stamped after it counts too: the relay takes nothing but
    // amendments and done marks once its copy is locked, so it took this one before the sign-off.
    const log = meeting();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    expect(foldMinutes(log.events).locked).toBe(false);
    const lockedBy = log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const late = log.add('minutes.decision.recorded', 'comm1', { text: '补记一条' });
    log.add('minutes.amended', 'comm1', { note: '更正：参会人数以签到表为准' });
    const m = foldMinutes(log.events);
    expect(m).toMatchObject({ locked: true, lockedAt: lockedBy.at, signingParties: ['community', 'owners'] });
    expect(m.attendees).toHaveLength(4);
    expect(m.decisions.map((d) => d.eventId)).toEqual(['e6', late.id]);
    expect(m.actionItems).toMatchObject([{ requestId: 'r1', owner: { party: 'owners' }, deadline: '2024-07-01' }]);
    expect(m.amendments).toMatchObject([{ note: '更正：参会人数以签到表为准' }]);
    expect(m.anomalies).toEqual([]);
  });

  it('takes an amendment only once the minutes are locked', () => {
    const log = meeting();
    const early = log.add('minutes.amended', 'comm1', { note: '还没签字就更正' });
    const m = foldMinutes(log.events);
    expect(m.amendments).toEqual([]);
    expect(m.anomalies).toEqual([{ eventId: early.id, type: 'minutes.amended', reason: { code: 'not_locked' } }]);
  });

  it('lets neither copy of a duplicated id count', () => {
    const log = meeting();
    const decision = log.add('minutes.decision.recorded', 'comm1', { text: '同意' });
    log.events.push({ ...decision, text: '不同意' });
    const m = foldMinutes(log.events);
    expect(m.decisions.map((d) => d.eventId)).not.toContain(decision.id);
    expect(m.anomalies.map((a) => [a.eventId, a.reason.code])).toEqual([
      [decision.id, 'duplicate_id'],
      [decision.id, 'duplicate_id'],
    ]);
  });

  it('refuses a sign-off for a party not present, a second one, and a second sign-in', () => {
    const log = meeting();
    log.add('minutes.signed-off', 'prop1', { party: 'property' });
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'res1', party: 'none' } });
    expect(foldMinutes(log.events).anomalies.map((a) => a.reason)).toEqual([
      { code: 'party_absent', party: 'property' },
      { code: 'already_signed_off', party: 'community' },
      { code: 'already_signed_in' },
    ]);
  });

  it('lists events of other documents and junk as anomalies', () => {
    const log = meeting();
    log.add('request.raised', 'res1', { title: 'x', category: 'other' });
    const m = foldMinutes([...log.events, { nope: true }]);
    expect(m.anomalies.map((a) => a.reason)).toEqual([
      { code: 'wrong_document' },
      expect.objectContaining({ code: 'schema' }),
    ]);
  });
});
