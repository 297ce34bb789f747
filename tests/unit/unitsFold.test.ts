import { describe, expect, it } from 'vitest';
import { CompoundFold, foldEvents, unitKey } from '../../shared/folds/index.ts';
import { Prng } from '../../shared/sample/Prng.ts';

const T = 1_700_000_000_000;
let n = 0;
const registered = (room: string, area: number, owners: object[], at = T, building = '3号楼') => ({
  id: `u${++n}`,
  type: 'unit.registered',
  at,
  by: 'comm1',
  building,
  unit: '2单元',
  room,
  area,
  owners,
});
const removed = (room: string, at = T) => ({
  id: `r${++n}`,
  type: 'unit.removed',
  at,
  by: 'comm1',
  building: '3号楼',
  unit: '2单元',
  room,
});

describe('the unit register', () => {
  it('holds each registered address with its area and owners, trimmed', () => {
    const state = foldEvents([{ ...registered('401', 8550, [{ name: '王芳' }]), building: ' 3号楼 ' }]);
    const id = unitKey({ building: '3号楼', unit: '2单元', room: '401' });
    expect(state.units.units[id]).toMatchObject({ id, building: '3号楼', unit: '2单元', room: '401', area: 8550 });
    expect(state.anomalies).toEqual([]);
  });

  it('takes the latest registration of an address, and drops it once removed later', () => {
    const state = foldEvents([
      registered('401', 8550, [{ name: '王芳' }], T),
      registered('401', 9000, [{ name: '李强' }], T + 1),
      registered('402', 6000, [{ name: '刘洋' }], T),
      removed('402', T + 5),
    ]);
    expect(Object.values(state.units.units).map((u) => [u.room, u.area])).toEqual([['401', 9000]]);
  });

  it('keeps an address registered again after its removal', () => {
    const state = foldEvents([removed('401', T + 1), registered('401', 7000, [{ name: '王芳' }], T + 2)]);
    expect(Object.keys(state.units.units)).toHaveLength(1);
  });

  it('folds the same events in any order to the same register, whole or one at a time', () => {
    const events = [
      registered('401', 8550, [{ name: '王芳' }], T),
      registered('401', 9000, [{ name: '李强' }], T + 3),
      registered('401', 9100, [{ name: '陈静' }], T + 3),
      removed('401', T + 2),
      registered('402', 6000, [{ memberId: 'own1' }], T + 1),
      removed('402', T + 2),
      registered('403', 5000, [{ name: '刘洋' }], T),
      removed('404', T + 9),
      registered('404', 5000, [{ name: '刘洋' }], T + 4),
    ];
    const expected = foldEvents(events).units;
    expect(Object.values(expected.units).map((u) => u.room)).toEqual(['401', '403']);
    const rng = new Prng(278);
    for (let round = 0; round < 200; round++) {
      const shuffled = [...events];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as (typeof events)[number], shuffled[i] as (typeof events)[number]];
      }
      expect(foldEvents(shuffled).units).toEqual(expected);
      // One at a time, each landing at a random place among those already there.
      const fold = new CompoundFold({ snapshots: false });
      for (const [i, e] of shuffled.entries()) {
        const at = rng.int(0, i);
        fold.applyDelta(at === 0 ? [{ insert: [e] }] : [{ retain: at }, { insert: [e] }]);
      }
      expect(fold.state.units).toEqual(expected);
    }
  });
});
