/**
 * A copy of a draft for publishing: its own fields, arrays and records are copied; what they hold
 * is shared, because modules never change an item once it is in a draft (they replace it).
 */
export function snapshot<T extends object>(draft: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    out[key] = Array.isArray(value)
      ? value.slice()
      : value !== null && typeof value === 'object'
        ? { ...value }
        : value;
  }
  return out as T;
}
