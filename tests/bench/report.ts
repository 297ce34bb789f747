/** Figures as text for the bench's tables: a dash for what could not be measured. */
export const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const mb = (b: number) => f(b / 1024 / 1024, 1);
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b !== 0 ? `${(a / b).toFixed(2)}x` : '–');

/** Aligned text: first column left, the others right. */
export function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
