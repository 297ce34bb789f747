import * as Y from 'yjs';
import { RejectReason, RuleError } from '../../shared/errors.ts';
import { isSteps, type Steps } from '../../shared/steps.ts';
import { withValuesRead } from '../../shared/yjs/readAnyFast.ts';
import type { Checked } from './types.ts';

/**
 * Applies an update as a whole: returns what it changed, to store and forward, only if Yjs applied
 * all of it, parked nothing as pending and the policy's after-check passed; otherwise why not.
 * Yjs encodes each change again only while the doc has an 'update' listener, which an exact update
 * does not need (its own bytes are the change): the room listens only around its own rare writes.
 * The apply itself is one turn; the policy's after-check may take several (its steps).
 */
export function* applyWhole(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  { afterApply, exact, values }: Checked,
): Steps<Uint8Array[] | RuleError> {
  const captured: Uint8Array[] = [];
  const capture = (u: Uint8Array) => void captured.push(u);
  if (!exact) doc.on('update', capture);
  try {
    if (values) withValuesRead(update, values, () => Y.applyUpdate(doc, update, origin));
    else Y.applyUpdate(doc, update, origin);
  } catch (e) {
    return new RuleError(RejectReason.Malformed, `could not apply: ${(e as Error).message}`);
  } finally {
    if (!exact) doc.off('update', capture);
  }
  const { pendingStructs, pendingDs } = doc.store;
  if (pendingStructs || pendingDs) return new RuleError(RejectReason.Unresolved, 'parts of it depend on unknown items');
  try {
    const after = afterApply?.();
    if (isSteps(after)) yield* after;
  } catch (e) {
    return e instanceof RuleError ? e : new RuleError(RejectReason.Malformed, `unchecked: ${String(e)}`);
  }
  return exact ? [update] : captured;
}
