import type * as v from 'valibot';

/**
 * The first valibot issue as one line, `path.to.field: message` (or just the message when the
 * issue is about the whole value): for 400 bodies, close reasons, logs and startup errors.
 */
export function issueMessage(issues: readonly v.BaseIssue<unknown>[], fallback = 'invalid'): string {
  const issue = issues[0];
  if (!issue) return fallback;
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return path ? `${path}: ${issue.message}` : issue.message;
}
