import { describe, expect, it } from 'vitest';
import { foldEvents, householdsOfLead } from '../../shared/folds/index.ts';
import { TestLog } from './support/TestLog.ts';

describe('seed practices', () => {
  it('takes a micro-wish from open to claimed, reported and done', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { wish: { title: '给独居老人换电扇' } }, 'l1');
    const claim = log.add('practice.claimed', 'res2', { listingId: 'l1', unitName: '惠民药房', contact: '138' });
    log.add('practice.claimed', 'res3', { listingId: 'l1', unitName: '顺丰快递站', contact: '139' });
    log.add('practice.reported', 'res3', { listingId: 'l1', claimId: claim.id, note: '我办的' });
    log.add('practice.accepted', 'comm1', { listingId: 'l1', claimId: claim.id });
    log.add('practice.reported', 'res2', { listingId: 'l1', claimId: claim.id, note: '已送到' });
    log.add('practice.accepted', 'comm1', { listingId: 'l1', claimId: claim.id });
    const state = foldEvents(log.events);
    expect(state.practice.listings.l1).toMatchObject({
      status: 'done',
      claim: { unitName: '惠民药房', report: { note: '已送到' } },
    });
    // The later claim is kept beside the one holding the wish, for the committee to sort out.
    expect(state.practice.listings.l1?.claims.map((c) => c.unitName)).toEqual(['惠民药房', '顺丰快递站']);
    expect(state.anomalies.map((a) => a.reason)).toEqual([{ code: 'not_claimer' }, { code: 'nothing_reported' }]);
  });

  it('publishes only requests that exist', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { requestId: 'r1' });
    log.add('request.raised', 'res1', { title: '四点半课堂', category: 'children' }, 'r1');
    log.add('practice.published', 'comm1', { requestId: 'r1' }, 'l2');
    const state = foldEvents(log.events);
    expect(Object.keys(state.practice.listings)).toEqual(['l2']);
    expect(state.anomalies.map((a) => a.reason)).toEqual([{ code: 'no_such', thing: 'request' }]);
  });

  it('shows a building lead the members of their building and micro-grid, re-registration replacing a profile', () => {
    const log = new TestLog();
    log.add('practice.profile.registered', 'res1', {
      memberId: 'res1',
      building: '3号楼',
      microGrid: '3-1',
      tags: ['building-lead'],
    });
    log.add('practice.profile.registered', 'res2', { memberId: 'res2', building: '3号楼', microGrid: '3-1', tags: [] });
    log.add('practice.profile.registered', 'res3', { memberId: 'res3', building: '3号楼', microGrid: '3-2', tags: [] });
    log.add('practice.profile.registered', 'res4', { memberId: 'res4', building: '4号楼', microGrid: '3-1', tags: [] });
    log.add('practice.profile.registered', 'res3', {
      memberId: 'res3',
      building: '3号楼',
      microGrid: '3-1',
      tags: ['delivery-rider'],
    });
    const state = foldEvents(log.events);
    expect(householdsOfLead(state, 'res1').map((p) => p.memberId)).toEqual(['res2', 'res3']);
    expect(householdsOfLead(state, 'res2')).toEqual([]);
  });
});
