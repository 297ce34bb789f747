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
  const parked = parkedOf(doc);
  if (!exact) doc.on('update', capture);
  try {
    if (values) withValuesRead(update, values, () => Y.applyUpdate(doc, update, origin));
    else Y.applyUpdate(doc, update, origin);
  } catch (e) {
    return new RuleError(RejectReason.Malformed, `could not apply: ${(e as Error).message}`);
  } finally {
    if (!exact) doc.off('update', capture);
  }
  if (parkedMore(doc, parked)) return new RuleError(RejectReason.Unresolved, 'parts of it depend on unknown items');
  try {
    const after = afterApply?.();
    if (isSteps(after)) yield* after;
  } catch (e) {
    // Anything but a refusal is a bug of the checks: the caller says so, not the sender's update.
    if (e instanceof RuleError) return e;
    throw e;
  }
  return exact ? [update] : captured;
}

/** What Yjs holds back in a doc, waiting for items it does not have. */
interface Parked {
  structs: Uint8Array | undefined;
  deletes: Uint8Array | null;
}

const parkedOf = (doc: Y.Doc): Parked => ({ structs: doc.store.pendingStructs?.update, deletes: doc.store.pendingDs });

/**
 * Whether applying an update parked anything more. A loaded doc may hold parked structs already: a
 * row stored after one another instance's storage refused, building on it (only a member who sends
 * one id to two instances at once gets there), or, with a bus, a row read before one it builds on
 * that another instance commits late and the bus brings. The update is not to blame for those, nor
 * for what it lets Yjs take from them. Yjs encodes what it keeps parked again at each apply, so
 * sizes are compared: parking more makes it larger. (Validation refuses an update that would park
 * anything before it is applied; this is the backstop.)
 */
function parkedMore(doc: Y.Doc, before: Parked): boolean {
  const now = parkedOf(doc);
  return larger(now.structs, before.structs) || larger(now.deletes ?? undefined, before.deletes ?? undefined);
}

const larger = (now: Uint8Array | undefined, before: Uint8Array | undefined) =>
  now !== undefined && now.byteLength > (before?.byteLength ?? 0);
