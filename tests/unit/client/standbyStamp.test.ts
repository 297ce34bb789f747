import './support/offlineBrowser.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/events/index.ts';
import { foldEvents, memberSignup } from '../../../shared/folds/index.ts';
import { eventually } from '../../helpers/eventually.ts';
import { overfullDuty } from '../support/rosterLog.ts';

const { CompoundSession } = await import('../../../client/sync/CompoundSession.ts');
const { setStandby } = await import('../../../client/features/volunteers/actions.ts');

describe('取消候补 of a standby stamped ahead', () => {
  const session = new CompoundSession({
    compoundId: 'c-standby',
    compoundName: '幸福里',
    memberId: 'res3',
    name: '李叔',
    role: 'resident',
    party: 'none',
    token: 'token',
    addedAt: 0,
  });
  afterAll(() => session.destroy());

  it('takes it back, and 改为候补 after it sets it again', async () => {
    // Before, the undoing was stamped now, before a standby a fast clock had stamped hours ahead:
    // of the two the later by (at, id) holds, so the tap changed nothing.
    const handle = session.doc('public');
    await eventually(() => expect(handle.loaded()).toBe(true));
    const log = overfullDuty();
    const ahead = log.add('roster.standby', 'comm1', { dutyId: 'd1', teamId: 't1', memberId: 'res2', as: 'committee' });
    ahead.at = Date.now() + 6 * 3_600_000;
    handle.append(log.events);
    const duty = () => foldEvents(handle.events().toArray() as AppEvent[]).rosters.duties.d1!;
    expect(memberSignup(duty(), 'res2')?.as).toBe('standby');
    setStandby(session, duty(), 'res2', 'lead', false);
    expect(memberSignup(duty(), 'res2')?.as).toBe('overfull');
    setStandby(session, duty(), 'res2', 'lead', true);
    expect(memberSignup(duty(), 'res2')?.as).toBe('standby');
  });
});
