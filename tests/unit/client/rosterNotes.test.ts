import { describe, expect, it } from 'vitest';
import { dutyAnomalies, RosterNotes } from '../../../client/domain/RosterNotes.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { TestLog } from '../support/TestLog.ts';

describe('roster notes', () => {
  it('puts an ignored step on its duty, with the member it was for', () => {
    const log = new TestLog();
    log.add('roster.team.created', 'comm1', { name: '巡逻队' }, 't1');
    for (const id of ['d1', 'd2'])
      log.add(
        'roster.duty.created',
        'comm1',
        {
          teamId: 't1',
          day: '2024-06-01',
          start: '08:00',
          end: '10:00',
          place: '东门',
          slots: 1,
        },
        id,
      );
    log.add('roster.signed-up', 'res1', { dutyId: 'd1', memberId: 'res1' });
    const second = log.add('roster.checked-in', 'res2', { dutyId: 'd1', memberId: 'res2' });
    log.add('roster.signed-up', 'res2', { dutyId: 'd2', memberId: 'res2' });
    log.add('request.raised', 'res1', { title: '路灯坏了', category: 'lighting' });

    const notes = new RosterNotes();
    const before = notes.version;
    notes.applyDelta([{ insert: log.events.slice(0, 3) }]);
    notes.applyDelta([{ insert: log.events.slice(3) }]);
    expect(notes.version).toBe(before + 2);
    const { anomalies } = foldEvents(log.events);

    const onD1 = dutyAnomalies(anomalies, notes.state, 'd1');
    expect(onD1).toEqual([
      {
        eventId: second.id,
        type: 'roster.checked-in',
        reason: { code: 'not_signed_up' },
        dutyId: 'd1',
        memberId: 'res2',
        by: 'res2',
        at: second.at,
      },
    ]);
    expect(dutyAnomalies(anomalies, notes.state, 'd2')).toEqual([]);
    expect(dutyAnomalies(anomalies, notes.state)).toEqual(onD1);
  });
});
