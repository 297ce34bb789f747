import { RejectReason, RuleError } from '../../shared/errors.ts';
import { shanghaiDay } from '../../shared/time.ts';

export interface DailyLimits {
  eventsPerDay: number;
  bytesPerDay: number;
}

interface Used {
  events: number;
  bytes: number;
}

/**
 * What each member appended through the relay today (an Asia/Shanghai day), against their daily
 * limits. Kept in memory: a restart forgives the day so far, which no member can cause.
 */
export class DailyQuotas {
  private day = '';
  private used = new Map<string, Used>();

  constructor(
    private readonly limits: DailyLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws the refusal of an update of `bytes` by `memberId`, if it would pass a limit. */
  check(memberId: string, bytes: number): void {
    const used = this.today().get(memberId) ?? { events: 0, bytes: 0 };
    if (used.events >= this.limits.eventsPerDay) {
      throw new RuleError(RejectReason.EventQuota, `${used.events} events today, at most ${this.limits.eventsPerDay}`);
    }
    if (used.bytes + bytes > this.limits.bytesPerDay) {
      throw new RuleError(
        RejectReason.ByteQuota,
        `${used.bytes} bytes today and ${bytes} more, at most ${this.limits.bytesPerDay}`,
      );
    }
  }

  /** Counts what `memberId` appended. */
  charge(memberId: string, events: number, bytes: number): void {
    const today = this.today();
    const used = today.get(memberId) ?? { events: 0, bytes: 0 };
    used.events += events;
    used.bytes += bytes;
    today.set(memberId, used);
  }

  private today(): Map<string, Used> {
    const day = shanghaiDay(this.now());
    if (day !== this.day) {
      this.day = day;
      this.used = new Map();
    }
    return this.used;
  }
}
