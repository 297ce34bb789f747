import { describe, expect, it } from 'vitest';
import { careHousehold } from './support/careLog.ts';
import { everyMergeOrder } from './support/everyMergeOrder.ts';
import { community, owners } from './support/members.ts';
import { relayCopy } from './support/relayCopy.ts';

// A review (2026-12-04) found a closing beside another write folding by Yjs's order.
describe('care: two committee members close one household offline with different reasons', () => {
  it('shows the earlier reason on every phone and keeps the other, whichever close Yjs puts first', () => {
    const log = careHousehold();
    const base = [...log.events];
    const a = log.add('care.household.closed', 'comm1', { householdId: 'h1', reason: '搬去女儿家' });
    const b = log.add('care.household.closed', 'own1', { householdId: 'h1', reason: '老人已过世' });
    const runs = everyMergeOrder(
      base,
      [
        { events: [b], member: owners },
        { events: [a], member: community },
      ],
      'committee',
    );
    for (const { state } of runs) {
      const h = state.care.households.h1;
      expect(h?.status).toBe('closed');
      expect(h?.closedReason).toBe('搬去女儿家');
      expect(h?.closings.map((c) => c.reason)).toEqual(['搬去女儿家', '老人已过世']);
      expect(state.anomalies).toEqual([]);
    }
  });
});

describe('care: a household handed to another visitor while another phone closes it', () => {
  it('shows it closed, with the new visitor, on every phone', () => {
    const log = careHousehold();
    const base = [...log.events];
    const assign = log.add('care.visitor.assigned', 'own1', { householdId: 'h1', visitorId: 'comm1' });
    const close = log.add('care.household.closed', 'comm1', { householdId: 'h1', reason: '搬走了' });
    const runs = everyMergeOrder(
      base,
      [
        { events: [assign], member: owners },
        { events: [close], member: community },
      ],
      'committee',
    );
    for (const { state } of runs) {
      const h = state.care.households.h1;
      expect([h?.status, h?.visitorId, h?.visitorSet?.eventId]).toEqual(['closed', 'comm1', assign.id]);
      expect(state.anomalies).toEqual([]);
    }
  });
});

// The same review: the relay stored acting on a household its author's copy held closed.
describe('care: acting on a household its author saw closed', () => {
  function closed() {
    const log = careHousehold();
    log.add('care.household.closed', 'comm1', { householdId: 'h1', reason: '搬走了' });
    const copy = relayCopy(log.events, 'committee');
    return { log, copy, phone: copy.phone(40) };
  }

  it('refuses handing it to another visitor (household_closed)', () => {
    const { log, copy, phone } = closed();
    const assign = log.add('care.visitor.assigned', 'own1', { householdId: 'h1', visitorId: 'own1' });
    phone.getArray('events').push([assign]);
    expect(() => copy.send(phone, [assign], owners)).toThrow(/household_closed/);
  });

  it('refuses closing it again', () => {
    const { log, copy, phone } = closed();
    const again = log.add('care.household.closed', 'own1', { householdId: 'h1', reason: '老人已过世' });
    phone.getArray('events').push([again]);
    expect(() => copy.send(phone, [again], owners)).toThrow(/household_closed/);
  });

  it('takes a visit logged after it: a visit happened', () => {
    const { log, copy, phone } = closed();
    const visit = log.add('care.visit.logged', 'own1', { householdId: 'h1', note: '顺路看了看' });
    phone.getArray('events').push([visit]);
    expect(() => copy.send(phone, [visit], owners)).not.toThrow();
  });
});
