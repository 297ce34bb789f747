import type { FrameKind } from './frames.ts';

/** The fuzzer's figures: what it sent, what the relay did with it, and what it cost. */
export class FuzzStats {
  frames = 0;
  readonly byKind: Record<FrameKind, number> = { valid: 0, mutated: 0, awareness: 0, random: 0 };
  /** Frames the relay answered without closing the sender. */
  accepted = 0;
  /** Accepted frames that changed the document. */
  changed = 0;
  /** Frames written by an honest stock client rather than a bare socket. */
  honestWrites = 0;
  /** Refusals by `<close code> <reason code>`. */
  readonly refused = new Map<string, number>();
  /** Valid frames the relay refused anyway, by `<close code> <reason code>`. */
  readonly validRefused = new Map<string, number>();
  /**
   * Schema-valid frames refused by a causal rule the shared fold confirms (e.g. naming a missing
   * request), or written under a client id another seat's mutated frame took first.
   */
  readonly causalRefused = new Map<string, number>();
  /** Mutated frames that changed the document, by mutation name. */
  readonly mutatedThrough = new Map<string, number>();
  /** Frames carrying an event id the log held already that the relay accepted and stored. */
  acceptedDuplicateIds = 0;
  /** Set when `/healthz` did not answer 200. */
  healthFailure: string | undefined;
  /** Longest `/healthz` round trip, asked right after a frame was sent (after an honest write forwarded). */
  maxHealthzMs = 0;
  maxHealthzAfter = '';
  /** Longest time from sending a frame to the relay's answer to the probe behind it. */
  maxFrameMs = 0;
  maxFrameLabel = '';
  maxRssBytes = 0;
  firstRssBytes = 0;
  /** Longest event-loop delay seen by `perf_hooks` in this process (an in-process server shares it). */
  maxLoopDelayMs: number | undefined;
  checks = 0;
  events = { public: 0, minutes: 0 };
  readonly startedAt = Date.now();

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  /** The figures as plain JSON. */
  toJSON() {
    const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => b[1] - a[1]));
    return {
      frames: this.frames,
      byKind: this.byKind,
      accepted: this.accepted,
      changed: this.changed,
      honestWrites: this.honestWrites,
      refused: [...this.refused.values()].reduce((a, b) => a + b, 0),
      refusedBy: sorted(this.refused),
      validRefused: sorted(this.validRefused),
      causalRefused: sorted(this.causalRefused),
      mutatedThrough: sorted(this.mutatedThrough),
      acceptedDuplicateIds: this.acceptedDuplicateIds,
      maxHealthzMs: Math.round(this.maxHealthzMs * 10) / 10,
      maxHealthzAfter: this.maxHealthzAfter,
      maxFrameMs: Math.round(this.maxFrameMs * 10) / 10,
      maxFrameLabel: this.maxFrameLabel,
      maxLoopDelayMs: this.maxLoopDelayMs,
      firstRssMb: Math.round(this.firstRssBytes / 1e6),
      maxRssMb: Math.round(this.maxRssBytes / 1e6),
      foldChecks: this.checks,
      logLengths: this.events,
      seconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}

/** `4422 unresolved` from a close: the code and the reason's leading words, numbers blanked. */
export function refusalKey(code: number, reason: string): string {
  const colon = reason.indexOf(':');
  const head = colon >= 0 && colon <= 40 ? reason.slice(0, colon) : reason.split(' ').slice(0, 4).join(' ');
  return `${code} ${head.replace(/\d+/g, 'N').trim()}`;
}
