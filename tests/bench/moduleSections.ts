type Log = (s: string) => void;

/**
 * Bench sections that live in their own module, loaded only when they run; each prints its tables
 * and resolves to its line of the summary. In the order they run.
 */
export const moduleSections: Record<string, (log: Log) => Promise<string>> = {
  ledger: async (log) => (await import('./ledger.ts')).benchLedger(log),
  volunteers: async (log) => (await import('./volunteers.ts')).benchVolunteers(log),
  points: async (log) => (await import('./points.ts')).benchPoints(log),
  weak: async (log) => (await import('./weakLink.ts')).benchWeakLink(log),
  multi: async (log) => (await import('./multi.ts')).benchMulti(log),
  compaction: async (log) => (await import('./compaction.ts')).benchCompaction(log),
};
