import { describe, expect, it } from 'vitest';
import { copyContainers } from '../../../client/reactive/createFoldProjection.ts';

describe('copyContainers', () => {
  it('gives fresh containers down to the depth and keeps deeper entities by identity', () => {
    const entity = { id: 'r1', title: 'a' };
    const state = { agenda: { requests: { r1: entity } }, anomalies: [] as unknown[] };
    const copy = copyContainers(3)(state);
    expect(copy).toEqual(state);
    expect(copy).not.toBe(state);
    expect(copy.agenda).not.toBe(state.agenda);
    expect(copy.agenda.requests).not.toBe(state.agenda.requests);
    expect(copy.agenda.requests.r1).toBe(entity);
    // A record the fold updates in place later does not leak into the copy already handed out.
    (state.agenda.requests as Record<string, unknown>).r2 = { id: 'r2' };
    expect(Object.keys(copy.agenda.requests)).toEqual(['r1']);
  });
});
