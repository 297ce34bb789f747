import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type UnsentDoc, unsentLines, whatOf } from '../../../client/domain/unsentList.ts';
import { t } from '../../../client/i18n/index.ts';
import { type SavedUnsent, UnsentTracker } from '../../../client/sync/UnsentTracker.ts';
import { unsentWrites } from '../../../client/sync/unsentWrites.ts';
import { eventTypes } from '../../../shared/events/index.ts';

/** A document of this phone: its copy, the tracker behind the unsent count, and what the relay holds. */
function phoneDoc(name: string) {
  const doc = new Y.Doc();
  const tracker = new UnsentTracker(doc, () => undefined);
  const relay = new Y.Doc();
  const write = (...events: object[]) => doc.transact(() => doc.getArray('events').push(events), 'local');
  return {
    name,
    doc,
    tracker,
    write,
    /** The relay takes everything written so far and answers a probe with its state vector. */
    sendAll() {
      Y.applyUpdate(relay, Y.encodeStateAsUpdate(doc));
      tracker.confirm(Y.decodeStateVector(Y.encodeStateVector(relay)), true);
    },
    /** Something the relay held before this phone wrote (another member's event). */
    fromRelay(...events: object[]) {
      const other = new Y.Doc();
      other.getArray('events').push(events);
      Y.applyUpdate(relay, Y.encodeStateAsUpdate(other));
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(relay), 'relay');
    },
    unsent(): UnsentDoc {
      return { name, writes: unsentWrites(doc, tracker.state()), log: () => doc.getArray('events').toArray() };
    },
  };
}

const T0 = Date.UTC(2026, 11, 5, 2, 0);
const ev = (type: string, id: string, minutes: number, fields: object = {}) => ({
  id,
  type,
  at: T0 + minutes * 60_000,
  by: 'm1',
  ...fields,
});

const words = (docs: UnsentDoc[]) => unsentLines(docs).map((l) => ({ what: l.what, title: l.title, more: l.more }));
const changes = (docs: UnsentDoc[]) => unsentLines(docs).reduce((n, l) => n + l.changes, 0);

describe('the unsent list', () => {
  it('lists, newest first, what the relay does not hold, and agrees with the count', () => {
    const pub = phoneDoc('public');
    pub.fromRelay(ev('ledger.expense.proposed', 'exp1', 0, { purpose: '楼道灯更换', fundId: 'f', amountFen: 1 }));
    pub.write(ev('request.raised', 'r0', 1, { title: '已经发出的诉求' }));
    pub.sendAll();
    pub.write(ev('ledger.expense.approved', 'a1', 2, { expenseId: 'exp1', party: 'owners' }));
    pub.write(ev('request.raised', 'r1', 3, { title: '5号楼门口路灯不亮' }));

    expect(pub.tracker.count()).toBe(2);
    expect(words([pub.unsent()])).toEqual([
      { what: 'unsent.what.request.raised', title: '5号楼门口路灯不亮', more: 0 },
      { what: 'unsent.what.ledger.expense.approved', title: '楼道灯更换', more: 0 },
    ]);
    expect(changes([pub.unsent()])).toBe(2);
    expect(unsentLines([pub.unsent()]).map((l) => l.at)).toEqual([T0 + 3 * 60_000, T0 + 2 * 60_000]);

    pub.sendAll();
    expect(pub.tracker.count()).toBe(0);
    expect(unsentLines([pub.unsent()])).toEqual([]);
  });

  it('covers every open document, in one list by time', () => {
    const pub = phoneDoc('public');
    const committee = phoneDoc('committee');
    pub.write(ev('request.raised', 'r1', 1, { title: '楼道堆物' }));
    committee.write(ev('care.household.registered', 'h1', 2, { label: '独居老人张奶奶' }));
    committee.write(ev('care.visit.logged', 'v1', 3, { householdId: 'h1', note: '身体还好' }));
    const docs = [pub.unsent(), committee.unsent()];
    expect(words(docs)).toEqual([
      { what: 'unsent.what.care.visit.logged', title: '独居老人张奶奶', more: 0 },
      { what: 'unsent.what.care.household.registered', title: '独居老人张奶奶', more: 0 },
      { what: 'unsent.what.request.raised', title: '楼道堆物', more: 0 },
    ]);
    expect(changes(docs)).toBe(pub.tracker.count() + committee.tracker.count());
  });

  it('is one line for events written at once, saying how many more', () => {
    const committee = phoneDoc('committee');
    committee.write(
      ev('unit.registered', 'u1', 1, { building: '3号楼', room: '401' }),
      ev('unit.registered', 'u2', 1, { building: '3号楼', room: '402' }),
      ev('unit.registered', 'u3', 1, { building: '3号楼', room: '403' }),
    );
    expect(words([committee.unsent()])).toEqual([{ what: 'unsent.what.unit.registered', title: undefined, more: 2 }]);
    expect(changes([committee.unsent()])).toBe(committee.tracker.count());
  });

  it('takes the typing in a meeting’s notes as one line with every change, titled by the meeting', () => {
    const pub = phoneDoc('public');
    pub.fromRelay(
      ev('meeting.scheduled', 'ms', 0, {
        meetingId: 'm7',
        kind: 'council',
        startsAt: T0,
        place: '活动室',
        title: '十二月议事会',
      }),
    );
    const minutes = phoneDoc('minutes-m7');
    const notes = minutes.doc.getText('notes');
    minutes.doc.transact(() => notes.insert(0, '到会'), 'local');
    minutes.doc.transact(() => notes.insert(2, '七人'), 'local');
    minutes.doc.transact(() => notes.delete(0, 1), 'local');
    // Typed now (the tracker keeps when); the decision is stamped after it.
    const later = (Date.now() - T0) / 60_000 + 60;
    minutes.write(ev('minutes.decision.recorded', 'd1', later, { text: '同意更换路灯' }));

    const docs = [pub.unsent(), minutes.unsent()];
    const lines = unsentLines(docs);
    expect(lines.map((l) => [l.what, l.title, l.changes])).toEqual([
      ['unsent.what.minutes.decision.recorded', undefined, 1],
      ['unsent.what.notes', '十二月议事会', 3],
    ]);
    expect(lines[1]?.at).toBeGreaterThan(T0);
    expect(changes(docs)).toBe(minutes.tracker.count());
  });

  it('names a type this version does not know 其他修改, and every known type in its own words', () => {
    const pub = phoneDoc('public');
    pub.write({ id: 'x', type: 'someday.new', at: T0, by: 'm1', title: '新功能' });
    expect(words([pub.unsent()])).toEqual([{ what: 'unsent.what.other', title: '新功能', more: 0 }]);
    expect(t(whatOf('someday.new'))).toBe('其他修改');
    expect(t(whatOf('ledger.expense.approved'))).toBe('同意支出');
    const said = eventTypes.map((type) => t(whatOf(type)));
    expect(said.every((s) => typeof s === 'string' && s !== '其他修改')).toBe(true);
  });

  it('names the last item of an entry an older version stored without its first clock', () => {
    const first = phoneDoc('public');
    first.write(ev('request.raised', 'r1', 1, { title: '旧版本写的' }));
    const stored = structuredClone(first.tracker.state());
    const older: SavedUnsent = { ...stored, entries: stored.entries.map(({ from: _f, at: _a, ...e }) => e) };

    const next = phoneDoc('public');
    Y.applyUpdate(next.doc, Y.encodeStateAsUpdate(first.doc), 'indexeddb');
    next.tracker.restore(older);
    expect(next.tracker.count()).toBe(1);
    expect(words([next.unsent()])).toEqual([{ what: 'unsent.what.request.raised', title: '旧版本写的', more: 0 }]);
  });

  it('leaves out what the relay already holds of a write', () => {
    const pub = phoneDoc('public');
    pub.write(ev('request.raised', 'r1', 1, { title: '甲' }), ev('request.raised', 'r2', 1, { title: '乙' }));
    // The relay's clock for this phone stands after the first event (another tab sent it).
    const { entries } = pub.tracker.state();
    const halfway: SavedUnsent = { entries, confirmed: [[pub.doc.clientID, (entries[0]?.from ?? 0) + 1]] };
    const writes = unsentWrites(pub.doc, halfway);
    expect(writes.map((w) => w.events.map((e) => (e as { id: string }).id))).toEqual([['r2']]);
  });
});
