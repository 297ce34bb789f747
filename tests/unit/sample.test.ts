import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/events/index.ts';
import { endStages, foldEvents, foldMinutes, isOverdue } from '../../shared/folds/index.ts';
import type { Member } from '../../shared/roles.ts';
import type { DocKind } from '../../shared/rooms.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import type { SampleCompound } from '../../shared/sample/generate.ts';
import { generateCompound } from '../../shared/sample/generate.ts';
import { categoryScenes } from '../../shared/sample/pictures.ts';
import { shanghaiDay, shanghaiDayStart } from '../../shared/time.ts';

const DAY = 86_400_000;

/** Every 64-hex string in a log: the pictures its events reference. */
function imageRefs(events: readonly AppEvent[]): Set<string> {
  return new Set(JSON.stringify(events).match(/\b[0-9a-f]{64}\b/g) ?? []);
}

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

describe('the demo compound ending today', () => {
  // Mornings, evenings and a new year's day, in Asia/Shanghai; several seeds.
  const todays = ['2025-01-01T09:30:00+08:00', '2026-03-15T23:59:00+08:00', '2026-07-04T00:00:00+08:00'];
  const cases = todays.flatMap((today, i) => [2024, i + 1].map((seed) => ({ seed, today })));

  it.each(cases)('looks like a compound in use on $today (seed $seed)', ({ seed, today }) => {
    const now = Date.parse(today);
    const c = generateCompound({ seed, scale: 'demo', end: now });
    const state = foldEvents(c.publicEvents);
    const midnight = shanghaiDayStart(shanghaiDay(now));
    const times = c.publicEvents.map((e) => e.at);
    expect(Math.max(...times)).toBeLessThan(midnight);
    expect(Math.max(...times)).toBeGreaterThan(midnight - 2 * DAY);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(midnight - 184 * DAY);
    expect(state.anomalies).toEqual([]);
    expect(refusals(c)).toEqual([]);

    const requests = Object.values(state.agenda.requests);
    const open = requests.filter((r) => !endStages.includes(r.stage));
    const working = requests.filter((r) => !endStages.includes(r.stage) && r.stage !== 'completed');
    const overdue = requests.filter((r) => isOverdue(r, now));
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.length).toBeLessThanOrEqual(8);
    expect(overdue.length).toBeLessThan(open.length / 5);
    expect(overdue.length).toBeLessThan(working.length);
    expect(requests.filter((r) => r.stage === 'completed' || endStages.includes(r.stage)).length).toBeGreaterThan(
      requests.length * 0.7,
    );

    const meetings = Object.values(state.meetings.meetings).filter((m) => m.status === 'scheduled');
    expect(meetings.filter((m) => m.startsAt < now).length).toBeGreaterThan(20);
    expect(meetings.filter((m) => m.startsAt > now).length).toBeGreaterThanOrEqual(1);
    expect(meetings.filter((m) => m.startsAt > now).length).toBeLessThanOrEqual(3);

    const lastWeeks = c.publicEvents.filter((e) => e.at > midnight - 21 * DAY).map((e) => e.type.split('.')[0]);
    for (const module of ['request', 'ledger', 'points', 'roster']) expect(lastWeeks).toContain(module);
  });

  it('is the same compound all day and another one the next day', () => {
    const at = (time: string) => generateCompound({ seed: 2024, scale: 'demo', end: Date.parse(time) });
    const morning = at('2026-03-15T00:00:00+08:00');
    expect(at('2026-03-15T23:59:59+08:00')).toEqual(morning);
    expect(at('2026-03-16T00:00:00+08:00').publicEvents[0]?.at).toBe((morning.publicEvents[0]?.at ?? 0) + DAY);
  });

  it('references only the images it is given, and all of them', () => {
    const scenes = { blocks: 'a', stairs: 'b', garden: 'c', lamp: 'd', parking: 'e' };
    const images = {
      scenes: Object.fromEntries(Object.entries(scenes).map(([scene, x]) => [scene, x.repeat(64)])) as typeof scenes,
      papers: ['f'.repeat(64), '0'.repeat(64)],
    };
    const c = generateCompound({ seed: 3, scale: 'demo', images });
    const refs = imageRefs([...c.publicEvents, ...c.committeeEvents, ...Object.values(c.minutes).flat()]);
    expect(refs).toEqual(new Set([...Object.values(images.scenes), ...images.papers]));
    const shown = c.publicEvents.flatMap((e) => (e.type === 'request.raised' && e.photos ? [e] : []));
    expect(shown.length).toBeGreaterThan(20);
    for (const e of shown) {
      const fitting = categoryScenes[e.category].map((scene) => images.scenes[scene]);
      expect(fitting).toEqual(expect.arrayContaining(e.photos ?? []));
    }
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

  it('makes up hashes for its pictures when given no images', () => {
    expect(imageRefs(c.publicEvents).size).toBeGreaterThan(1000);
  });
});
