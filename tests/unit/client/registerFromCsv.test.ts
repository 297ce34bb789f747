import { describe, expect, it } from 'vitest';
import { registerFromCsv } from '../../../client/features/meetings/registerFromCsv.ts';

const members = [
  { memberId: 'own1', name: '王芳' },
  { memberId: 'own2', name: '张伟' },
  { memberId: 'own3', name: '张伟' },
];

describe('a unit register from CSV', () => {
  it('reads units after a header, with areas in hundredths and owners split on 、 and ;', () => {
    const csv =
      '\uFEFFbuilding,unit,room,area_m2,owners\r\n3号楼,2单元,401,85.5,王芳\r\n3号楼,,402,"120",李强、刘洋;陈静\r\n';
    expect(registerFromCsv(csv, members)).toEqual({
      units: [
        { building: '3号楼', unit: '2单元', room: '401', area: 8550, owners: [{ memberId: 'own1' }] },
        { building: '3号楼', room: '402', area: 12000, owners: [{ name: '李强' }, { name: '刘洋' }, { name: '陈静' }] },
      ],
      problems: [],
    });
  });

  it('reads a Chinese header and owners in further columns', () => {
    const csv = '楼栋,单元,房号,面积,业主\n1,1,101,60,李强,刘洋\n';
    expect(registerFromCsv(csv, []).units).toEqual([
      { building: '1', unit: '1', room: '101', area: 6000, owners: [{ name: '李强' }, { name: '刘洋' }] },
    ]);
  });

  it('keeps a name two members share as a name', () => {
    const { units } = registerFromCsv('1,1,101,60,张伟', members);
    expect(units[0]?.owners).toEqual([{ name: '张伟' }]);
  });

  it('reports lines that make no unit instead of guessing, by line number', () => {
    const csv = [
      'building,unit,room,area_m2,owners',
      '1,1,101,85.555,王芳',
      '1,1,102,85.5',
      ',1,103,60,王芳',
      '1,1,104,60,',
      '1,1,105,60,王芳',
      '1,1,105,70,李强',
      '1,1,106,abc,王芳',
    ].join('\n');
    const { units, problems } = registerFromCsv(csv, members);
    expect(units.map((u) => u.room)).toEqual(['105']);
    expect(problems).toEqual([
      { line: 2, code: 'area' },
      { line: 3, code: 'columns' },
      { line: 4, code: 'address' },
      { line: 5, code: 'owners' },
      { line: 7, code: 'duplicate' },
      { line: 8, code: 'area' },
    ]);
  });

  it('reports an unclosed quote for the whole file', () => {
    expect(registerFromCsv('1,1,"101,60,王芳', members)).toEqual({
      units: [],
      problems: [{ line: 0, code: 'unclosed_quote' }],
    });
  });
});
