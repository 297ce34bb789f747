import { describe, expect, it } from 'vitest';
import { compoundPath } from '../../../client/domain/usePage.ts';

describe('compoundPath', () => {
  it('builds a path inside one compound, its id encoded', () => {
    expect(compoundPath('c1', 'agenda', 'r9')).toBe('/c/c1/agenda/r9');
    expect(compoundPath('a b/c')).toBe('/c/a%20b%2Fc');
  });
});
