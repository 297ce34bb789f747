import type { Contribution } from './FoldContext.ts';

interface Bucket {
  sum: number;
  count: number;
}

/**
 * Running totals fed by entity contributions (hours per member, fund balances, monthly totals).
 * An entity that changes takes its old contributions back and adds its new ones, so a total never
 * needs the whole log; a bucket no contribution feeds any more disappears.
 */
export class Aggregates {
  readonly #groups = new Map<string, Map<string, Bucket>>();
  readonly #changed = new Map<string, Set<string>>();

  add(contributions: readonly Contribution[], sign: 1 | -1): void {
    for (const [group, field, value] of contributions) {
      let fields = this.#groups.get(group);
      if (!fields) {
        fields = new Map<string, Bucket>();
        this.#groups.set(group, fields);
      }
      let bucket = fields.get(field);
      if (!bucket) {
        bucket = { sum: 0, count: 0 };
        fields.set(field, bucket);
      }
      bucket.sum += sign * value;
      bucket.count += sign;
      if (bucket.count === 0) {
        fields.delete(field);
        if (fields.size === 0) this.#groups.delete(group);
      }
      let changed = this.#changed.get(group);
      if (!changed) {
        changed = new Set<string>();
        this.#changed.set(group, changed);
      }
      changed.add(field);
    }
  }

  /** The total of one field, 0 if nothing feeds it. */
  sum(group: string, field: string): number {
    return this.#groups.get(group)?.get(field)?.sum ?? 0;
  }

  /** The fields of a group with their totals (empty if none). */
  fields(group: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [field, bucket] of this.#groups.get(group) ?? []) out.set(field, bucket.sum);
    return out;
  }

  has(group: string, field: string): boolean {
    return this.#groups.get(group)?.has(field) ?? false;
  }

  /** Groups and fields changed since the last call. */
  takeChanged(): Map<string, Set<string>> {
    const changed = new Map(this.#changed);
    this.#changed.clear();
    return changed;
  }
}
