import { describe, expect, it } from 'vitest';
import { changedFields, changedFrom, withDraft } from '../../../client/domain/draftFields.ts';

describe('what a form keeps as its draft', () => {
  it('a one-field form keeps its value once it differs from how it opened', () => {
    expect(changedFrom('', '')).toBeUndefined();
    expect(changedFrom('', '下雨改期')).toBe('下雨改期');
  });

  it('a form of several fields keeps only the fields the member changed', () => {
    const opening = { day: '2026-12-08', time: '19:00', place: '3号楼下' };
    expect(changedFields(opening, { ...opening })).toBeUndefined();
    expect(changedFields(opening, { ...opening, place: '社区活动室' })).toEqual({ place: '社区活动室' });
  });

  // Found in review: the whole form was kept, so a reload put back the meeting's old day over a move
  // another committee member made meanwhile, and submitting moved it back.
  it('laid over the record as it is after a reload, a change made meanwhile elsewhere stays', () => {
    const before = { day: '2026-12-08', time: '19:00', place: '3号楼下' };
    const kept = changedFields(before, { ...before, place: '社区活动室' });
    const movedMeanwhile = { ...before, day: '2026-12-09' };
    expect(withDraft(movedMeanwhile, kept)).toEqual({ day: '2026-12-09', time: '19:00', place: '社区活动室' });
    expect(withDraft(movedMeanwhile, undefined)).toBe(movedMeanwhile);
  });
});
