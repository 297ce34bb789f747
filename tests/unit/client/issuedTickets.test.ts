import { describe, expect, it } from 'vitest';
import { issuedTickets } from '../../../client/domain/issuedTickets.ts';
import { newTicket, shortCode } from '../../../client/features/points/shortCode.ts';
import { compoundKey, forgetCompoundKeys } from '../../../client/sync/localKeys.ts';
import { MemoryStorage, useMemoryStorage } from './support/memoryStorage.ts';

/**
 * The numbers of the redemption codes a phone showed, kept per member and goods: a scan not yet in
 * the member's copy, or the shop open in two tabs, repeated a code about once in 1,000 openings,
 * and with two offline counters that read as the member using one code twice.
 */
describe('the redemption codes a phone has shown', () => {
  useMemoryStorage();

  it('are never shown again, in this tab or another, for that member and goods', () => {
    const tab = () => issuedTickets('c1', 'm1', 'rice');
    const first = newTicket(
      'm1',
      'rice',
      () => false,
      tab(),
      () => 0.25,
    );
    // Another tab (or the shop opened again) draws the same number.
    const second = newTicket(
      'm1',
      'rice',
      () => false,
      tab(),
      () => 0.25,
    );
    expect(first.ticket).toBe(shortCode('m1', 'rice', 250));
    expect(second.ticket).toBe(shortCode('m1', 'rice', 251));
    expect(tab().has(250) && tab().has(251)).toBe(true);
    // Another member on this phone, or other goods, keep their own.
    expect(issuedTickets('c1', 'm2', 'rice').has(250)).toBe(false);
    expect(issuedTickets('c1', 'm1', 'oil').has(250)).toBe(false);
    expect(
      newTicket(
        'm1',
        'oil',
        () => false,
        issuedTickets('c1', 'm1', 'oil'),
        () => 0.25,
      ).ticket,
    ).toBe(shortCode('m1', 'oil', 250));
  });

  it('give 1,000 different codes, then codes without digits, never one shown before', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const t = newTicket('m1', 'rice', () => false, issuedTickets('c1', 'm1', 'rice'));
      expect(t.digits).toBe(true);
      seen.add(t.ticket);
    }
    expect(seen.size).toBe(1000);
    const after = newTicket('m1', 'rice', () => false, issuedTickets('c1', 'm1', 'rice'));
    expect(after.digits).toBe(false);
    expect(seen.has(after.ticket)).toBe(false);
  });

  it('start empty from what cannot be read, and go when the compound is removed from the phone', () => {
    const k = compoundKey('tickets', 'c1', 'm1', 'rice');
    for (const bad of ['{not json', '{"a":1}', '[1,-2]', '["7"]']) {
      localStorage.setItem(k, bad);
      expect(issuedTickets('c1', 'm1', 'rice').has(1)).toBe(false);
    }
    issuedTickets('c1', 'm1', 'rice').add(7);
    expect(localStorage.getItem(k)).toBe('[7]');
    forgetCompoundKeys('c1');
    expect(issuedTickets('c1', 'm1', 'rice').has(7)).toBe(false);
  });

  it('still give a code when the phone keeps nothing (storage full or missing)', () => {
    globalThis.localStorage = new MemoryStorage(0);
    const issued = issuedTickets('c1', 'm1', 'rice');
    const t = newTicket(
      'm1',
      'rice',
      () => false,
      issued,
      () => 0.5,
    );
    expect(t).toEqual({ ticket: shortCode('m1', 'rice', 500), digits: true });
    expect(issued.has(500)).toBe(true);
    Reflect.deleteProperty(globalThis, 'localStorage');
    expect(newTicket('m1', 'rice', () => false, issuedTickets('c1', 'm1', 'rice')).digits).toBe(true);
  });
});
