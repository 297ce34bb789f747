import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CLOCK_NOISE_MS,
  latestStamp,
  MAX_ROUND_TRIP_MS,
  relayOffset,
  STAMP_LEAD_MS,
  stampAfter,
} from '../../../client/sync/relayClock.ts';
import type { AppEvent } from '../../../shared/events/index.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { committee, completedRequest } from '../support/agendaLog.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('the relay offset from an answer', () => {
  const relay = Date.parse('2026-12-04T10:00:00Z');
  const header = new Date(relay).toUTCString();

  it('is how far the relay is ahead, from the midpoint of the round trip and the middle of its second', () => {
    // The phone is two days behind; the answer took 200 ms.
    const sentAt = relay - 2 * DAY - 100;
    expect(relayOffset(header, sentAt, sentAt + 200)).toBe(2 * DAY + 500);
    // Two days ahead.
    const ahead = relay + 2 * DAY - 100;
    expect(relayOffset(header, ahead, ahead + 200)).toBe(-2 * DAY + 500);
  });

  it('is nothing within the header’s second and the round trip’s noise', () => {
    expect(relayOffset(header, relay, relay + 300)).toBe(0);
    expect(relayOffset(header, relay - CLOCK_NOISE_MS + 600, relay - CLOCK_NOISE_MS + 800)).toBe(0);
    expect(relayOffset(header, relay - CLOCK_NOISE_MS - 600, relay - CLOCK_NOISE_MS - 400)).toBeGreaterThan(0);
  });

  it('is unknown without a date, with a date that does not parse, or after too slow an answer', () => {
    expect(relayOffset(null, relay, relay + 100)).toBeUndefined();
    expect(relayOffset('yesterday-ish', relay, relay + 100)).toBeUndefined();
    expect(relayOffset(header, relay - DAY, relay - DAY + MAX_ROUND_TRIP_MS + 1)).toBeUndefined();
    expect(relayOffset(header, relay, relay - 1)).toBeUndefined();
  });
});

describe('an event’s stamp', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');

  it('is now when the copy holds nothing later', () => {
    expect(stampAfter(now, undefined)).toBe(now);
    expect(stampAfter(now, now - MINUTE)).toBe(now);
  });

  it('comes after the latest event the copy holds, when the phone’s time is behind it', () => {
    expect(stampAfter(now, now)).toBe(now + 1);
    expect(stampAfter(now, now + 5 * MINUTE)).toBe(now + 5 * MINUTE + 1);
  });

  it('does not follow a stamp far ahead of any phone on the relay’s time', () => {
    expect(stampAfter(now, now + STAMP_LEAD_MS)).toBe(now);
    expect(stampAfter(now, now + 23 * 60 * MINUTE)).toBe(now);
  });
});

describe('the latest stamp of a copy', () => {
  it('is the latest `at` in its log wherever the log holds it, and follows what is added', () => {
    const doc = new Y.Doc();
    const events = doc.getArray<unknown>('events');
    expect(latestStamp(doc)).toBeUndefined();
    events.push([{ id: 'a', at: 300 }, { id: 'b', at: 900 }, 'not an event', { id: 'c', at: 500 }]);
    expect(latestStamp(doc)).toBe(900);
    events.insert(0, [{ id: 'd', at: 1_200 }]);
    expect(latestStamp(doc)).toBe(1_200);
    // Another phone's update, applied as the relay forwards it.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getArray('events').push([{ id: 'e', at: 2_000 }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(latestStamp(doc)).toBe(2_000);
  });
});

describe('work redone on a phone whose clock is slow', () => {
  /**
   * The committee reopens a completed request; the property company's phone, its clock five minutes
   * behind, has the reopening and completes the work again.
   */
  function redone(stamp: (phoneNow: number, copy: Y.Doc) => number) {
    const log = completedRequest();
    log.add('request.reopened', committee, { requestId: 'r1', reason: '灯又不亮了' });
    const copy = new Y.Doc();
    copy.getArray('events').push([...log.events]);
    const phoneNow = log.at - 5 * MINUTE + 30_000;
    const again: AppEvent = {
      id: 'redo',
      type: 'request.completed',
      at: stamp(phoneNow, copy),
      by: 'own1',
      requestId: 'r1',
      result: '换了灯泡',
    } as AppEvent;
    return foldEvents([...log.events, again]).agenda.requests.r1;
  }

  it('completes the reopened round when stamped after what the phone held', () => {
    expect(redone((now, copy) => stampAfter(now, latestStamp(copy)))).toMatchObject({
      stage: 'completed',
      reopenCount: 1,
      completion: { eventId: 'redo', result: '换了灯泡' },
    });
  });

  it('(stamped by the phone’s clock alone, it fell into the round before the reopening)', () => {
    expect(redone((now) => now)).toMatchObject({ stage: 'reopened' });
  });
});
