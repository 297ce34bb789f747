import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CLOCK_JUMP_MS,
  CLOCK_NOISE_MS,
  latestStamp,
  learnRelayClock,
  MAX_ROUND_TRIP_MS,
  offsetAt,
  relayNow,
  relayOffset,
  STAMP_LEAD_MS,
  stampAfter,
  UNCONFIRMED_AHEAD_MS,
} from '../../../client/sync/relayClock.ts';
import type { AppEvent } from '../../../shared/events/index.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { MAX_CLOCK_AHEAD_MS } from '../../../sync-server/governance.ts';
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

  it('is unknown from an upload: the relay dates its answer once the body is in, not at the midpoint', () => {
    // A right clock, an 8 s upload on weak data, the answer back in 200 ms.
    const sentAt = relay - 7_800;
    const date = new Date(relay).toUTCString();
    expect(relayOffset(date, sentAt, relay + 200)).toBeUndefined();
  });
});

describe('the offset in use', () => {
  const wall = Date.parse('2026-12-04T10:00:00Z');
  const learned = { offset: 2 * DAY, wallAt: wall, monoAt: 1_000 };

  it('is the one learned this visit while the phone’s clock keeps pace with its monotonic clock', () => {
    expect(offsetAt(learned, 0, wall + 5 * MINUTE, 1_000 + 5 * MINUTE)).toBe(2 * DAY);
    expect(offsetAt(learned, 0, wall + 5 * MINUTE + CLOCK_JUMP_MS, 1_000 + 5 * MINUTE)).toBe(2 * DAY);
  });

  it('is held to UNCONFIRMED_AHEAD_MS once the phone’s clock moved, and before this visit learned one', () => {
    // Set right by hand or by the network: two days forward in a moment.
    expect(offsetAt(learned, 0, wall + 2 * DAY, 1_000 + 1_000)).toBe(UNCONFIRMED_AHEAD_MS);
    // A past visit's offset.
    expect(offsetAt(undefined, 2 * DAY, wall, 0)).toBe(UNCONFIRMED_AHEAD_MS);
    expect(offsetAt(undefined, 3 * MINUTE, wall, 0)).toBe(3 * MINUTE);
  });

  it('is applied whole when the phone is ahead, confirmed or not', () => {
    const ahead = { offset: -2 * DAY, wallAt: wall, monoAt: 0 };
    expect(offsetAt(ahead, 0, wall + 3 * DAY, 10)).toBe(-2 * DAY);
    expect(offsetAt(undefined, -2 * DAY, wall, 0)).toBe(-2 * DAY);
  });

  it('keeps a phone set right during a visit within the relay’s day, and on the relay’s time once it answers', () => {
    const relay = Date.parse('2026-12-04T10:00:00Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Booted two days behind; the sync ticket's answer teaches it the relay's time.
      const phone = relay - 2 * DAY;
      vi.setSystemTime(phone + 200);
      learnRelayClock(new Date(relay).toUTCString(), phone, phone + 200);
      expect(Math.abs(relayNow() - relay)).toBeLessThan(CLOCK_NOISE_MS);
      // The phone takes the network's time, the socket open: no new ticket.
      vi.setSystemTime(relay + MINUTE);
      const at = stampAfter(relayNow(), undefined);
      expect(at).toBeLessThanOrEqual(relay + MINUTE + MAX_CLOCK_AHEAD_MS);
      // The next answer (the app asks at once: apiFetch's /healthz) puts it right.
      learnRelayClock(new Date(relay + MINUTE).toUTCString(), relay + MINUTE - 100, relay + MINUTE + 100);
      expect(Math.abs(relayNow() - (relay + MINUTE))).toBeLessThan(CLOCK_NOISE_MS);
    } finally {
      vi.useRealTimers();
    }
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
