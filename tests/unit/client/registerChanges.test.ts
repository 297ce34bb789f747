import { describe, expect, it } from 'vitest';
import { registerChanges, type UnitState } from '../../../client/domain/unitRegister.ts';
import { unitKey } from '../../../shared/folds/units.ts';

const held = (room: string, area: number, name: string): UnitState => ({
  id: unitKey({ building: '1号楼', room }),
  building: '1号楼',
  unit: null,
  room,
  area,
  owners: [{ name }],
  eventId: `e${room}`,
  at: 1,
  by: 'comm1',
});

describe('replacing the unit register with an imported file', () => {
  it('registers new and changed units, leaves unchanged ones, and removes units the file lacks', () => {
    const current = [held('101', 6000, '王芳'), held('102', 6000, '李强'), held('103', 3000, '刘洋')];
    const changes = registerChanges(current, [
      { building: '1号楼', room: '101', area: 6000, owners: [{ name: '王芳' }] },
      { building: '1号楼', room: '102', area: 6000, owners: [{ name: '陈静' }] },
      { building: '1号楼', room: '104', area: 7000, owners: [{ name: '张伟' }] },
    ]);
    expect(changes.register.map((u) => u.room)).toEqual(['102', '104']);
    expect(changes.remove.map((u) => u.room)).toEqual(['103']);
  });

  it('changes nothing when the file says what the register holds', () => {
    const current = [held('101', 6000, '王芳')];
    expect(
      registerChanges(current, [{ building: '1号楼', room: '101', area: 6000, owners: [{ name: '王芳' }] }]),
    ).toEqual({
      register: [],
      remove: [],
    });
  });
});
