import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../../shared/issueMessage.ts';

const issuesOf = (schema: v.GenericSchema, value: unknown) => {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) throw new Error('expected issues');
  return parsed.issues;
};

describe('a valibot issue as one line', () => {
  it('names the path to the field, dotted, before the message', () => {
    const schema = v.object({ a: v.object({ b: v.number('must be a number') }) });
    expect(issueMessage(issuesOf(schema, { a: { b: 'x' } }))).toBe('a.b: must be a number');
  });

  it('is just the message when the whole value is wrong', () => {
    expect(issueMessage(issuesOf(v.string('text please'), 1))).toBe('text please');
  });

  it('reports the first issue only', () => {
    const schema = v.object({ a: v.string('a wrong'), b: v.string('b wrong') });
    expect(issueMessage(issuesOf(schema, { a: 1, b: 2 }))).toBe('a: a wrong');
  });

  it('falls back when there is no issue at all', () => {
    expect(issueMessage([], 'invalid body')).toBe('invalid body');
  });
});
