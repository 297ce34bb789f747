import { describe, expect, it } from 'vitest';
import { attendanceOf } from '../../../client/domain/useMinutes.ts';
import { assignColours, colourOf, PRESENCE_COLOURS } from '../../../client/domain/usePresence.ts';
import { foldMinutes } from '../../../shared/folds/foldMinutes.ts';

const signedIn = (id: string, attendee: Record<string, unknown>) => ({
  id,
  type: 'minutes.signed-in',
  at: 1_700_000_000_000,
  by: 'comm1',
  attendee,
});

describe('attendance at a meeting', () => {
  it('counts attendees by the party they sit for and names the parties still missing', () => {
    const state = foldMinutes([
      signedIn('a', { memberId: 'own1', party: 'owners' }),
      signedIn('b', { memberId: 'res1', party: 'none' }),
      signedIn('c', { name: '张大爷', party: 'none' }),
    ]);
    expect(attendanceOf(state)).toEqual({
      byParty: { community: 0, owners: 1, property: 0, none: 2 },
      total: 3,
      missing: ['community', 'property'],
    });
  });

  it('has no party missing once all three are present, and counts a second sign-in once', () => {
    const state = foldMinutes([
      signedIn('a', { memberId: 'own1', party: 'owners' }),
      signedIn('b', { memberId: 'comm1', party: 'community' }),
      signedIn('c', { memberId: 'prop1', party: 'property' }),
      signedIn('d', { memberId: 'prop1', party: 'property' }),
    ]);
    expect(attendanceOf(state).missing).toEqual([]);
    expect(attendanceOf(state).byParty.property).toBe(1);
  });
});

describe('presence colours', () => {
  it('gives a member the same colour every time, within the tokens', () => {
    for (const id of ['res1', 'own1', 'x', 'a-much-longer-member-id_0123456789']) {
      expect(colourOf(id)).toBe(colourOf(id));
      expect(colourOf(id)).toBeGreaterThanOrEqual(1);
      expect(colourOf(id)).toBeLessThanOrEqual(PRESENCE_COLOURS);
    }
  });

  it('gives two people who prefer one colour two colours, alike in any order', () => {
    const people = [
      { clientId: 30, colour: 3 },
      { clientId: 10, colour: 3 },
      { clientId: 20, colour: 6 },
    ];
    const given = assignColours(people);
    expect(given).toEqual([
      { clientId: 30, colour: 4 },
      { clientId: 10, colour: 3 },
      { clientId: 20, colour: 6 },
    ]);
    expect(assignColours([...people].reverse())).toEqual([...given].reverse());
  });

  it('goes round again past six people', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ clientId: i, colour: 1 }));
    expect(assignColours(many).map((p) => p.colour)).toEqual([1, 2, 3, 4, 5, 6, 1, 2]);
  });
});
