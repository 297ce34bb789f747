import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldMinutes } from '../../shared/folds/index.ts';
import { minutesConflicts } from '../../shared/folds/minutesQueries.ts';
import { minutesHash } from '../../shared/minutesHash.ts';
import { everyMergeOrder, type OfflineWrite } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { TestLog } from './support/TestLog.ts';

/**
 * A decision recorded after 以这条为准 (stamped after it) is not superseded by it: the request has a
 * conflict again, and a settlement by someone who saw the later decision counts.
 */

function settled() {
  const log = new TestLog();
  log.add('minutes.signed-in', 'comm1', { attendee: { memberId: 'comm1', party: 'community' } }, 's1');
  log.add('minutes.decision.recorded', 'comm1', { text: '东门划20个车位', requestId: 'r1' }, 'd1');
  const d2 = log.add('minutes.decision.recorded', 'own1', { text: '东门划18个车位', requestId: 'r1' }, 'd2');
  return { log, d2 };
}

function minutesInEveryOrder(base: readonly AppEvent[], writes: OfflineWrite[]) {
  const folds = everyMergeOrder(base, writes, 'minutes').map(({ events }) => {
    const state = foldMinutes(events);
    return { state, hash: minutesHash('m1', state, '') };
  });
  for (const f of folds.slice(1)) {
    expect(f.state).toEqual(folds[0]?.state);
    expect(f.hash).toBe(folds[0]?.hash);
  }
  return folds[0]!.state;
}

describe('a decision recorded after 以这条为准', () => {
  it('stays open beside the upheld one, in every merge order', () => {
    const { log, d2 } = settled();
    const base = [...log.events];
    const u = log.add('minutes.decision.upheld', 'comm1', { decisionId: d2.id }, 'u');
    const d3 = log.add('minutes.decision.recorded', 'own1', { text: '改为：东门划22个车位', requestId: 'r1' }, 'd3');
    const state = minutesInEveryOrder(base, [
      { events: [u], member: community },
      { events: [d3], member: owners },
    ]);
    expect(state.decisions.map((d) => [d.eventId, d.supersededBy])).toEqual([
      ['d1', 'u'],
      ['d2', undefined],
      ['d3', undefined],
    ]);
    expect(minutesConflicts(state)).toEqual([{ kind: 'decisions', requestId: 'r1', n: 2 }]);
  });

  it('can be settled again by someone who saw it; not by someone who saw the settlement only', () => {
    const { log, d2 } = settled();
    log.add('minutes.decision.upheld', 'comm1', { decisionId: d2.id }, 'u');
    const seenSettlement = [...log.events];
    const d3 = log.add('minutes.decision.recorded', 'comm1', { text: '改为：东门划22个车位', requestId: 'r1' }, 'd3');
    const { phone, send } = relayCopy(seenSettlement, 'minutes');
    const stale = phone(60);
    const again = log.add('minutes.decision.upheld', 'own1', { decisionId: 'd1' }, 'u-stale');
    stale.getArray('events').push([again]);
    expect(() => send(stale, [again], owners)).toThrow(/already_upheld/);
    const fresh = relayCopy(
      log.events.filter((e) => e.id !== again.id),
      'minutes',
    );
    const p = fresh.phone(61);
    const u2 = log.add('minutes.decision.upheld', 'comm1', { decisionId: d3.id }, 'u2');
    p.getArray('events').push([u2]);
    expect(() => fresh.send(p, [u2], community)).not.toThrow();
    const state = foldMinutes(fresh.events());
    expect(state.decisions.map((d) => [d.eventId, d.supersededBy])).toEqual([
      ['d1', 'u2'],
      ['d2', 'u2'],
      ['d3', undefined],
    ]);
    expect(minutesConflicts(state)).toEqual([]);
  });
});
