import type * as Y from 'yjs';
import { closeCodeOf, RejectReason, RuleError } from '../../shared/errors.ts';
import type { DocKind } from '../../shared/rooms.ts';
import { isSteps, type Steps } from '../../shared/steps.ts';
import { applyWhole } from './applyWhole.ts';
import type { Commits } from './Commits.ts';
import type { Connection } from './Connection.ts';
import type { HeldFrames } from './HeldFrames.ts';
import { updateMessage } from './protocol.ts';
import type { Checked, RelayOptions, RoomState } from './types.ts';

/** What the intake needs of its room. */
export interface IntakeRoom {
  readonly name: string;
  readonly kind: DocKind;
  readonly doc: Y.Doc;
  readonly rules: RoomState | undefined;
  /** Frames held for a connection until what they build on arrives, if the room holds any. */
  readonly held: HeldFrames | undefined;
  /** A frame is in the doc and its after-apply checks are not done. */
  setUnconfirmed(on: boolean): void;
  refuse(conn: Connection, code: number, reason: string): void;
  /** The relay's own code threw on the frame (a bug, not the sender's fault). */
  failed(conn: Connection, e: unknown): void;
  /** Drops the doc (it may hold part of a refused update) and loads what storage holds. */
  reload(): void;
  /** Handles the frame once more, from the start (after a reload). */
  receiveAgain(conn: Connection, frame: Uint8Array): void;
}

/**
 * A member's update from check to commit: the policy's checks (in steps), the apply as a whole with
 * its after-apply checks, then storing and forwarding through `commits`; or a refusal of the sender.
 */
export class UpdateIntake {
  constructor(
    private readonly room: IntakeRoom,
    private readonly options: RelayOptions,
    private readonly commits: Commits,
  ) {}

  /** `retried`: the frame was held and this is another try (its deadline, whether it is the last). */
  *take(conn: Connection, update: Uint8Array, frame: Uint8Array, retried: HeldFrames['retrying']): Steps<void> {
    const room = this.room;
    let checked: Checked;
    try {
      const decided = this.options.policy.check(update, conn.member, room);
      checked = isSteps(decided) ? yield* decided : decided;
      if (!checked.changed) return;
    } catch (e) {
      // A check that throws anything but a RuleError has a bug: the update is not known to be wrong,
      // so its sender keeps it and tries again later (4500), rather than setting it aside (4400).
      if (!(e instanceof RuleError)) return room.failed(conn, e);
      // It may build on, or carry, what another instance accepted a moment ago: wait for it, within bounds.
      if (room.held?.wait(conn, frame, e.reason, retried)) return;
      room.refuse(conn, closeCodeOf(e.reason), e.message);
      return;
    }
    let applied: Uint8Array[] | RuleError;
    try {
      room.setUnconfirmed(true);
      applied = yield* applyWhole(room.doc, update, conn, checked);
    } catch (e) {
      // A bug of the after-apply checks: the doc holds an update nobody vouched for, so it is loaded
      // again, and the sender keeps the update to send once more (4500), as for a check before.
      room.failed(conn, e);
      room.reload();
      return;
    } finally {
      room.setUnconfirmed(false);
    }
    if (!(applied instanceof RuleError)) {
      const message = checked.exact ? updateMessage(frame, update) : undefined;
      // Storage may say another instance stored an event of it first: handled once more after a reload.
      const again = this.commits.storedFirst(frame) ? undefined : () => room.receiveAgain(conn, frame);
      for (const [i, u] of applied.entries()) {
        if (i > 0) this.commits.commit(u, conn, undefined, message);
        else this.commits.commit(u, conn, checked.eventIds, message, again && { frame, again });
      }
      return;
    }
    // A causal rule broken where the update landed is a refusal like any other; the rest is a bug.
    const level = applied.reason === RejectReason.CausalRule ? 'warn' : 'error';
    this.options.log(level, 'refused after apply', { room: room.name, error: applied.message });
    room.refuse(conn, closeCodeOf(applied.reason), applied.message);
    room.reload();
  }
}
