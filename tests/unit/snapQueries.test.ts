import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/events/index.ts';
import { acceptedSnapReports, foldEvents, reporterKind, snapCountsByMonth } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

const snap = (title: string) => ({
  title,
  category: 'lighting' as const,
  snap: true as const,
  photos: ['a'.repeat(64)],
});

function compound() {
  const log = new TestLog();
  log.add('practice.profile.registered', 'rider1', { memberId: 'rider1', tags: ['delivery-rider'] });
  log.add('practice.profile.registered', 'comm1', { memberId: 'grid1', tags: ['building-lead', 'grid-worker'] });
  return log;
}

describe('snap reports', () => {
  it('accepts only true as the snap mark of a raised request', () => {
    const base = { id: 'r1', type: 'request.raised', at: 1, by: 'res1', title: '路灯', category: 'lighting' };
    expect(parseEvent({ ...base, snap: true }).ok).toBe(true);
    expect(parseEvent({ ...base, snap: false }).ok).toBe(false);
    expect(parseEvent({ ...base, snap: 'yes' }).ok).toBe(false);
    const state = foldEvents(
      [parseEvent(base), parseEvent({ ...base, id: 'r2', snap: true })].flatMap((p) => (p.ok ? [p.event] : [])),
    );
    expect(state.agenda.requests.r1?.snap).toBe(false);
    expect(state.agenda.requests.r2?.snap).toBe(true);
  });

  it('reads the reporter kind from the profile: grid worker before rider, anyone else a resident', () => {
    const state = foldEvents(compound().events);
    expect(reporterKind(state, 'grid1')).toBe('grid-worker');
    expect(reporterKind(state, 'rider1')).toBe('delivery-rider');
    expect(reporterKind(state, 'res1')).toBe('resident');
  });

  it('counts a report accepted once classified, and not when rejected, withdrawn or merged', () => {
    const log = compound();
    const a = log.add('request.raised', 'rider1', snap('路灯不亮'));
    const b = log.add('request.raised', 'res1', snap('路灯'));
    const c = log.add('request.raised', 'res1', snap('垃圾'));
    const d = log.add('request.raised', 'grid1', snap('井盖'));
    const e = log.add('request.raised', 'grid1', snap('井盖松了'));
    const plain = log.add('request.raised', 'res1', { title: '路灯', category: 'lighting' });
    const classified = log.add('request.classified', 'comm1', {
      requestId: a.id,
      category: 'lighting',
      priority: 'normal',
    });
    log.add('request.classified', 'comm1', { requestId: plain.id, category: 'lighting', priority: 'normal' });
    log.add('request.merged', 'comm1', { requestId: b.id, intoId: a.id });
    log.add('request.withdrawn', 'res1', { requestId: c.id, reason: '已自己处理' });
    log.add('request.classified', 'comm1', { requestId: d.id, category: 'roads', priority: 'high' });
    log.add('request.decided', 'comm1', { requestId: d.id, outcome: 'rejected', note: '不属于小区' });
    log.add('request.classified', 'comm1', { requestId: e.id, category: 'roads', priority: 'high' });
    const accepted = acceptedSnapReports(foldEvents(log.events));
    expect(accepted.map((x) => x.requestId)).toEqual([a.id, e.id]);
    expect(accepted[0]).toEqual({ requestId: a.id, memberId: 'rider1', raisedAt: a.at, acceptedAt: classified.at });
  });

  it('counts reports per Asia/Shanghai month by reporter kind, with accepted and completed', () => {
    const log = compound();
    // 15:59 UTC on 31 May is 23:59 in Shanghai, still May; a minute later is June there (the log adds a minute).
    log.at = Date.parse('2024-05-31T15:58:00Z');
    const may = log.add('request.raised', 'rider1', snap('路灯'));
    log.at = Date.parse('2024-05-31T15:59:00Z');
    const june = log.add('request.raised', 'rider1', snap('路灯'));
    log.add('request.raised', 'res1', snap('树'));
    log.add('request.raised', 'grid1', snap('井盖'));
    log.add('request.classified', 'comm1', { requestId: may.id, category: 'lighting', priority: 'normal' });
    log.add('request.classified', 'comm1', { requestId: june.id, category: 'lighting', priority: 'normal' });
    log.add('request.decided', 'comm1', { requestId: june.id, outcome: 'approved', note: '换灯' });
    log.add('request.assigned', 'comm1', { requestId: june.id, owner: { party: 'property' }, deadline: '2024-06-10' });
    log.add('request.completed', 'comm1', { requestId: june.id, result: '换好了' });
    const months = snapCountsByMonth(foldEvents(log.events));
    expect(months.map((m) => m.month)).toEqual(['2024-06', '2024-05']);
    expect(months[0]?.byKind['delivery-rider']).toEqual({ reported: 1, accepted: 1, completed: 1 });
    expect(months[0]?.byKind.resident).toEqual({ reported: 1, accepted: 0, completed: 0 });
    expect(months[0]?.byKind['grid-worker']).toEqual({ reported: 1, accepted: 0, completed: 0 });
    expect(months[0]?.total).toEqual({ reported: 3, accepted: 1, completed: 1 });
    expect(months[1]?.total).toEqual({ reported: 1, accepted: 1, completed: 0 });
  });
});
