import { describe, expect, it } from 'vitest';
import { foldMinutes } from '../../shared/folds/index.ts';
import { minutesConflicts } from '../../shared/folds/minutesQueries.ts';
import { TestLog } from './support/TestLog.ts';

/** Community and owners present through members; 物业 only through a guest signed in by name. */
function meetingWithPropertyGuest() {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } });
  log.add('minutes.signed-in', 'comm1', { attendee: { name: '物业 刘经理', party: 'property' } });
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'own1', party: 'owners' } });
  return log;
}

describe('a guest sitting for a party', () => {
  it('makes the party present (it may sign) but not required: the members’ parties lock the minutes', () => {
    const log = meetingWithPropertyGuest();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    const last = log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const m = foldMinutes(log.events);
    expect(m.signingParties).toEqual(['community', 'owners', 'property']);
    expect(m.requiredParties).toEqual(['community', 'owners']);
    expect(m).toMatchObject({ locked: true, lockedAt: last.at });
    expect(m.anomalies).toEqual([]);
  });

  it('keeps a signature of that party, and the lock time takes it in (papers locked before keep their hash)', () => {
    const log = meetingWithPropertyGuest();
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const property = log.add('minutes.signed-off', 'prop1', { party: 'property' });
    const m = foldMinutes(log.events);
    expect(Object.keys(m.signOffs).sort()).toEqual(['community', 'owners', 'property']);
    expect(m.lockedAt).toBe(property.at);
  });

  it('with a member of that party present, the party is required again', () => {
    const log = meetingWithPropertyGuest();
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'prop1', party: 'property' } });
    log.add('minutes.signed-off', 'comm1', { party: 'community' });
    log.add('minutes.signed-off', 'own1', { party: 'owners' });
    const m = foldMinutes(log.events);
    expect(m.requiredParties).toEqual(['community', 'owners', 'property']);
    expect(m.locked).toBe(false);
  });
});

describe('minutesConflicts', () => {
  it('names each request with two decisions, once, and nothing for single ones', () => {
    const log = meetingWithPropertyGuest();
    log.add('minutes.decision.recorded', 'comm1', { text: '装', requestId: 'r1' });
    log.add('minutes.decision.recorded', 'own1', { text: '不装', requestId: 'r1' });
    log.add('minutes.decision.recorded', 'comm1', { text: '修', requestId: 'r2' });
    log.add('minutes.decision.recorded', 'comm1', { text: '另议' });
    expect(minutesConflicts(foldMinutes(log.events))).toEqual([{ kind: 'decisions', requestId: 'r1', n: 2 }]);
  });
});
