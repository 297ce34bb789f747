import { type Accessor, createSignal } from 'solid-js';
import { CloseCode } from '../../shared/errors.ts';
import { type CloseDecision, closePolicy, SERVER_ERROR_WINDOW_MS } from './closePolicy.ts';
import type { ExportedCopy } from './exportDoc.ts';

/** What the relay did to this document that the member should know, in the words of client/i18n. */
export type DocProblem =
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'recovered'; code: number; reason: string; copy: ExportedCopy }
  /** Told to wait (4429), or the relay failed again (4500): `code` says which; tried again at `retryAt`. */
  | { kind: 'waiting'; code: number; retryAt: number };

export interface RelayProblemOptions {
  /** How many changes of the open copy the relay has not confirmed (a 4403 with none is no refusal). */
  unsent: () => number;
  /** The copy holds what the relay refused: save it, clear it, load it again. */
  recover: (code: number, reason: string) => void;
  /** A wait is over: clear the problem and connect again. */
  retry: () => void;
  /** 4401 / 4404 and friends: reconnecting cannot help until the member acts. */
  onFatal: (code: number, reason: string) => void;
  /** The relay closed the socket because the member's role changed (4100). */
  onRoleChanged?: () => void;
}

/**
 * One document's standing with the relay: what each close means (closePolicy, decided once per close)
 * and what follows it (a reconnect, a reset, a wait with its timer, a stop), as the problem the
 * member is shown.
 */
export class RelayProblem {
  readonly current: Accessor<DocProblem | undefined>;
  private readonly set: (p: DocProblem | undefined) => void;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRecovery: number | undefined;
  /** When the relay closed this document with 4500, within the last SERVER_ERROR_WINDOW_MS. */
  private serverErrors: number[] = [];
  /** The decision of the close the provider asked about; its 'closed' event acts on the same one. */
  private decided: { code: number; decision: CloseDecision } | undefined;

  constructor(private readonly opts: RelayProblemOptions) {
    const [current, set] = createSignal<DocProblem>();
    this.current = current;
    this.set = set;
  }

  /** Stopped until the member acts: coming back online must not reconnect. */
  get stopped(): boolean {
    return this.current()?.kind === 'closed';
  }

  /** What a close means, decided once per close (a 4500 counts towards the next one's wait). */
  decide(code: number): CloseDecision {
    const now = Date.now();
    this.serverErrors = this.serverErrors.filter((at) => now - at < SERVER_ERROR_WINDOW_MS);
    const decision = closePolicy(code, now, this.lastRecovery, this.opts.unsent(), this.serverErrors.length);
    if (code === CloseCode.ServerError) this.serverErrors.push(now);
    if (code === CloseCode.RoleChanged) this.opts.onRoleChanged?.();
    this.decided = { code, decision };
    return decision;
  }

  /** A close the provider does not retry by itself. */
  closed(code: number, reason: string): void {
    const now = Date.now();
    const decision = this.decided?.code === code ? this.decided.decision : this.decide(code);
    this.decided = undefined;
    if (decision === 'reconnect') return;
    if (decision === 'recover') {
      this.lastRecovery = now;
      this.opts.recover(code, reason);
      return;
    }
    if (typeof decision === 'object') {
      this.set({ kind: 'waiting', code, retryAt: now + decision.wait });
      clearTimeout(this.retryTimer);
      // Only the wait ends: a stop or a reset that came meanwhile stays until the member acts.
      this.retryTimer = setTimeout(() => {
        if (this.current()?.kind === 'waiting') this.opts.retry();
      }, decision.wait);
      return;
    }
    // Stop this document only: a member who may no longer read it keeps the rest of the compound.
    this.set({ kind: 'closed', code, reason });
    if (decision === 'fatal') this.opts.onFatal(code, reason);
  }

  /** The copy was reset after a refusal: the files it was saved to wait for the member. */
  recovered(code: number, reason: string, copy: ExportedCopy): void {
    this.set({ kind: 'recovered', code, reason, copy });
  }

  clear(): void {
    this.set(undefined);
  }

  /** The copy is closing: a wait's retry must not reach it. */
  cancelWait(): void {
    clearTimeout(this.retryTimer);
  }
}
