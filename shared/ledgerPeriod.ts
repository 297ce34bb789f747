/** A notice's period: a calendar month ("2026-09"), quarter ("2026-Q3") or year ("2026") in Asia/Shanghai days. */
export interface LedgerPeriod {
  id: string;
  kind: 'month' | 'quarter' | 'year';
  /** First and last day, "YYYY-MM-DD", both inclusive. */
  startDay: string;
  endDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads "2026-09", "2026-Q3" (case-insensitive Q) or "2026"; undefined for anything else. */
export function parsePeriod(text: string): LedgerPeriod | undefined {
  if (/^\d{4}$/.test(text.trim())) {
    const year = text.trim();
    return { id: year, kind: 'year', startDay: `${year}-01-01`, endDay: `${year}-12-31` };
  }
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|[Qq]([1-4]))$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) {
    const month = Number(m[2]);
    return {
      id: `${year}-${m[2]}`,
      kind: 'month',
      startDay: `${year}-${m[2]}-01`,
      endDay: `${year}-${m[2]}-${pad(lastDay(year, month))}`,
    };
  }
  const q = Number(m[3]);
  const first = (q - 1) * 3 + 1;
  return {
    id: `${year}-Q${q}`,
    kind: 'quarter',
    startDay: `${year}-${pad(first)}-01`,
    endDay: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
  };
}

/** The month or quarter a day "YYYY-MM-DD" falls in. */
export function periodOf(day: string, kind: LedgerPeriod['kind']): LedgerPeriod {
  const month = Number(day.slice(5, 7));
  const id =
    kind === 'year'
      ? day.slice(0, 4)
      : kind === 'month'
        ? day.slice(0, 7)
        : `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
  return parsePeriod(id) as LedgerPeriod;
}

/** True when a day lies in the period. */
export const inPeriod = (day: string, p: LedgerPeriod): boolean => day >= p.startDay && day <= p.endDay;

/** Every period of a kind from the one holding `fromDay` to the one holding `toDay`, newest first. */
export function periodsBetween(fromDay: string, toDay: string, kind: LedgerPeriod['kind']): LedgerPeriod[] {
  const out: LedgerPeriod[] = [];
  const first = periodOf(fromDay, kind).startDay;
  for (let p = periodOf(toDay, kind); p.startDay >= first; ) {
    out.push(p);
    const prev = new Date(`${p.startDay}T00:00:00Z`);
    prev.setUTCDate(0);
    p = periodOf(prev.toISOString().slice(0, 10), kind);
  }
  return out;
}
