import { describe, expect, it } from 'vitest';
import { daysLate } from '../../shared/folds/agendaQueries.ts';
import { daysPast, foldEvents, isOverdue, listedRequest, pastDeadline, whoseTurn } from '../../shared/folds/index.ts';
import { generateCompound } from '../../shared/sample/generate.ts';

const DAY = 86_400_000;

describe('a listed request (what a card shows)', () => {
  const sample = generateCompound({ seed: 11, scale: 'demo' });
  const requests = Object.values(foldEvents(sample.publicEvents).agenda.requests);

  it('reads lateness, days late and whose turn as the request itself does, at any time shown', () => {
    const assigned = requests.filter((r) => r.assignment !== null);
    expect(assigned.length).toBeGreaterThan(10);
    let late = 0;
    for (const r of requests) {
      const listed = listedRequest(r);
      expect(listed.turn).toBe(whoseTurn(r));
      expect(listed.photoCount).toBe(r.photos.length);
      for (const now of [r.raisedAt, r.raisedAt + 10 * DAY, r.raisedAt + 90 * DAY, Date.now()]) {
        expect(pastDeadline(listed.deadline, now)).toBe(isOverdue(r, now));
        if (isOverdue(r, now)) {
          late++;
          expect(daysPast(listed.deadline!, now)).toBe(daysLate(r, now));
        }
      }
    }
    expect(late).toBeGreaterThan(0);
  });

  it('is plain data that survives JSON, as a phone keeps it', () => {
    for (const r of requests.slice(0, 50)) {
      const listed = listedRequest(r);
      expect(JSON.parse(JSON.stringify(listed))).toEqual(listed);
    }
  });

  it('has no deadline to be late against once settled', () => {
    const settled = requests.filter(
      (r) => r.assignment && ['completed', 'closed', 'withdrawn', 'merged'].includes(r.stage),
    );
    expect(settled.length).toBeGreaterThan(0);
    for (const r of settled) expect(listedRequest(r).deadline).toBeNull();
  });
});
