import { describe, expect, it } from 'vitest';
import { parseHouseholds } from '../../../client/features/volunteers/grid/parseHouseholds.ts';

describe('households typed as a list', () => {
  it('carries a unit on to the rooms after it and keeps each household once', () => {
    expect(parseHouseholds('1单元101 102，102、2单元301; 5')).toEqual([
      { unit: '1单元', room: '101' },
      { unit: '1单元', room: '102' },
      { unit: '2单元', room: '301' },
      { unit: '2单元', room: '5' },
    ]);
  });

  it('reads rooms without a unit as rooms alone', () => {
    expect(parseHouseholds(' 101  102 ')).toEqual([{ room: '101' }, { room: '102' }]);
  });
});
