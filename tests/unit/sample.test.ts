import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { foldEvents, foldMinutes } from '../../shared/folds/index.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocKind } from '../../shared/rooms.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import type { SampleCompound } from '../../shared/sample/generate.ts';
import { generateCompound } from '../../shared/sample/generate.ts';

/** Every event checked for its author in its document; returns the refusals. */
function refusals(c: SampleCompound): string[] {
  const members = new Map<string, Member>(c.members.map((m) => [m.memberId, { ...m, compoundId: 'c1' }]));
  const out: string[] = [];
  const check = (events: readonly AppEvent[], doc: DocKind) => {
    for (const e of events) {
      const author = members.get(e.by);
      if (!author) out.push(`${e.id} by unknown ${e.by}`);
      else
        try {
          checkEvent(e, author, doc);
        } catch (error) {
          out.push(`${e.id} ${(error as Error).message}`);
        }
    }
  };
  check(c.publicEvents, 'public');
  check(c.committeeEvents, 'committee');
  for (const events of Object.values(c.minutes)) check(events, 'minutes');
  return out;
}

describe('the demo compound', () => {
  const c = generateCompound({ seed: 1, scale: 'demo', founderId: 'founder-1', memberIds: ['m-a', 'm-b'] });
  const state = foldEvents(c.publicEvents);

  it('has every event pass checkEvent for its author in its document', () => {
    expect(refusals(c)).toEqual([]);
  });

  it('folds without anomalies, in every document', () => {
    expect(state.anomalies).toEqual([]);
    expect(foldEvents(c.committeeEvents).anomalies).toEqual([]);
    for (const events of Object.values(c.minutes)) expect(foldMinutes(events).anomalies).toEqual([]);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateCompound({ seed: 1, scale: 'demo', founderId: 'founder-1', memberIds: ['m-a', 'm-b'] })).toEqual(c);
    expect(generateCompound({ seed: 2, scale: 'demo' }).publicEvents).not.toEqual(c.publicEvents);
  });

  it('uses the ids it was given, the founder as a community admin', () => {
    expect(c.members[0]).toMatchObject({ memberId: 'founder-1', role: 'admin', party: 'community' });
    expect(c.members.slice(1, 3).map((m) => m.memberId)).toEqual(['m-a', 'm-b']);
    expect(c.members.map((m) => m.name)).toEqual(expect.arrayContaining(['王秀英', '李建国']));
  });

  it("tells the seeds' stories", () => {
    const requests = Object.values(state.agenda.requests);
    const court = requests.find((r) => r.title.includes('篮球场'));
    const court$ = Object.values(state.ledger.expenses).find((x) => x.requestId === court?.id);
    expect(court$).toMatchObject({ amount: 2_860_000, status: 'paid' });
    expect(Object.keys(court$?.approvals ?? {}).sort()).toEqual(['community', 'owners', 'property']);
    expect(court?.stage).toBe('completed');

    const lane = requests.find((r) => r.category === 'fire-lane' && r.title.includes('消防通道太窄'));
    const laneFund = Object.values(state.ledger.funds).find((f) => f.kind === 'pooled');
    const laneIncome = Object.values(state.ledger.incomes).filter((i) => i.fundId === laneFund?.id);
    expect(new Set(laneIncome.map((i) => i.source))).toEqual(new Set(['pooled', 'donation', 'property']));
    expect(Object.values(state.ledger.expenses).find((x) => x.requestId === lane?.id)).toMatchObject({
      amount: 8_600_000,
      status: 'paid',
    });

    const wires = requests.filter((r) => r.title.includes('飞线'));
    expect(wires.filter((r) => r.stage === 'merged').length).toBeGreaterThan(0);
    const atStool = (meetingId: string | null) =>
      state.meetings.meetings[meetingId ?? '']?.title === '3号楼小板凳见面会';
    expect(wires.some((r) => atStool(r.meetingId) && r.escalations.length > 0 && r.stage === 'completed')).toBe(true);

    const elders = Object.values(state.rosters.teams).find((t) => t.name === '背老人下楼志愿队');
    expect(
      Object.values(state.rosters.duties).some((d) => d.teamId === elders?.id && d.title === '背老人下楼去医院复查'),
    ).toBe(true);

    const rice = Object.values(state.points.goods).find((g) => g.name.startsWith('大米'));
    const oil = Object.values(state.points.goods).find((g) => g.name.startsWith('食用油'));
    expect(rice?.redeemed).toBeGreaterThan(0);
    expect(oil?.redeemed).toBeGreaterThan(0);
  });

  it('keeps care visits out of the public document', () => {
    expect(c.publicEvents.some((e) => e.type.startsWith('care.'))).toBe(false);
    expect(c.committeeEvents.every((e) => e.type.startsWith('care.'))).toBe(true);
  });
});

describe('the five-year compound', () => {
  const c = generateCompound({ seed: 5, scale: 'five-years' });

  it('has the size of five busy years', () => {
    const count = (prefix: string) => c.publicEvents.filter((e) => e.type.startsWith(prefix)).length;
    expect(count('request.raised')).toBeGreaterThan(4_500);
    expect(count('roster.') + count('points.')).toBeGreaterThan(15_000);
    expect(count('ledger.')).toBeGreaterThan(8_000);
    expect(count('meeting.scheduled')).toBeGreaterThanOrEqual(280);
  });

  it('has every event pass checkEvent and folds with next to no anomalies', () => {
    expect(refusals(c)).toEqual([]);
    expect(foldEvents(c.publicEvents).anomalies.length).toBeLessThan(c.publicEvents.length / 1000);
  });
});
