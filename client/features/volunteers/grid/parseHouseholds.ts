import type { Household } from '../../../../shared/events/grid.ts';

/**
 * Households typed as a list: "1单元101 102, 2单元301" is 1单元101, 1单元102 and 2单元301 (a
 * unit carries on to the rooms after it). Each household once.
 */
export function parseHouseholds(text: string): Household[] {
  const out: Household[] = [];
  const seen = new Set<string>();
  let unit: string | undefined;
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = /^(.*单元)?(.*)$/.exec(token);
    if (m?.[1]) unit = m[1];
    const room = m?.[2]?.trim();
    if (!room) continue;
    const key = `${unit ?? ''}|${room}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(unit ? { unit, room } : { room });
  }
  return out;
}
