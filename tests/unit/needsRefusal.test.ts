import { describe, expect, it } from 'vitest';
import { foldEvents } from '../../shared/folds/index.ts';
import { owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';
import { photo, TestLog } from './support/TestLog.ts';

describe('needs (hostile): an acceptance of a rival claim by a committee member who saw the need accepted', () => {
  it('is refused (already_accepted), rather than taking the done need from the accepted unit', () => {
    const log = new TestLog();
    log.add('practice.published', 'comm1', { wish: { title: '换电扇' } }, 'l1');
    // Two units claimed offline at once; cb is the earlier.
    log.add('practice.claimed', 'part2', { listingId: 'l1', unitName: '顺丰快递站', contact: '李' }, 'cb');
    log.add('practice.claimed', 'part1', { listingId: 'l1', unitName: '惠民药房', contact: '陈' }, 'ca');
    // ca's unit reported; a committee member whose copy had not seen cb's report accepted ca.
    log.add('practice.reported', 'part1', { listingId: 'l1', claimId: 'ca', note: '装好了', photos: [photo] });
    log.add('practice.accepted', 'comm1', { listingId: 'l1', claimId: 'ca' }, 'acc-a');
    // cb's unit had reported offline too.
    log.add('practice.reported', 'part2', { listingId: 'l1', claimId: 'cb', note: '也装了', photos: [photo] });
    const { relay, phone, send, events } = relayCopy(log.events, 'needs');
    const before = foldEvents(events()).practice.listings.l1!;
    expect(before.status).toBe('done');
    expect(before.claim?.claimId).toBe('ca');
    // A committee member who sees the need done (accepted for ca) accepts cb as well.
    const h = phone(70, relay);
    const mine = log.add('practice.accepted', 'own1', { listingId: 'l1', claimId: 'cb' }, 'acc-b');
    h.getArray('events').push([mine]);
    let thrown: unknown;
    try {
      send(h, [mine], owners);
    } catch (e) {
      thrown = e;
    }
    expect(String(thrown)).toMatch(/already_accepted/);
  });
});
