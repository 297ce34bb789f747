/** Exclusive area is integer hundredths of m² (85.5 m² is 8550), never a float. */

/** Parses an area in m² as written ("85", "85.5", "85.50", " 85.5㎡"); undefined if it is not one or has 3+ decimals. */
export function parseArea(text: string): number | undefined {
  const cleaned = text.replace(/\s|㎡|m²|m2|平方米|平米/g, '');
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!m) return undefined;
  const area = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return area > 0 ? area : undefined;
}

/** Hundredths of m² as m² with two decimals ("8550" → "85.50"). */
export function formatArea(area: number): string {
  return `${Math.floor(area / 100)}.${String(area % 100).padStart(2, '0')}`;
}
