import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import { committee, scheduledRequest } from './support/agendaLog.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { TestLog } from './support/TestLog.ts';

/** 以这条为准 stamped before the decision it names (back-dated) is ignored, on the request and in the minutes. */
describe('a settlement back-dated before the decision it names', () => {
  it('does not stand over the honest one on the request', () => {
    const log = scheduledRequest();
    const yes = log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' }, 'd1');
    const no = log.add('request.decided', 'own1', { requestId: 'r1', outcome: 'rejected', note: '不同意' }, 'd2');
    const { phone, send, events } = relayCopy(log.events);
    const honest = phone(60);
    const u = log.add('request.decision.upheld', committee, { requestId: 'r1', decisionId: no.id }, 'u-honest');
    honest.getArray('events').push([u]);
    send(honest, [u], community);
    const forged = phone(61);
    const f = {
      id: 'u-forged',
      type: 'request.decision.upheld',
      at: 1,
      by: 'own1',
      requestId: 'r1',
      decisionId: yes.id,
    };
    forged.getArray('events').push([f as unknown as AppEvent]);
    try {
      send(forged, [f as unknown as AppEvent], owners);
    } catch (err) {
      expect(String(err)).toMatch(/before_target/);
    }
    const state = foldEvents([...events().filter((e) => e.id !== f.id), f as unknown as AppEvent]);
    expect(state.agenda.requests.r1?.decision?.eventId).toBe(no.id);
    expect(state.anomalies.find((a) => a.eventId === f.id)?.reason).toEqual({ code: 'before_target' });
  });

  it('does not supersede the minutes decisions', () => {
    const log = new TestLog();
    log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } }, 's1');
    const d1 = log.add('minutes.decision.recorded', 'comm1', { text: '东门划20个车位', requestId: 'r1' }, 'd1');
    log.add('minutes.decision.recorded', 'own1', { text: '东门划18个车位', requestId: 'r1' }, 'd2');
    const f = { id: 'u-forged', type: 'minutes.decision.upheld', at: 1, by: 'own1', decisionId: d1.id };
    const state = foldMinutes([...log.events, f as unknown as AppEvent]);
    expect(state.decisions.map((d) => d.supersededBy)).toEqual([undefined, undefined]);
    expect(state.anomalies.map((a) => a.reason)).toEqual([{ code: 'before_target' }]);
  });
});
