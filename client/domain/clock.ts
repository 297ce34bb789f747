import { type Accessor, createSignal } from 'solid-js';
import { relayNow } from '../sync/relayClock.ts';

export { relayNow };

/** Where tests (and a curious committee member checking "what will be overdue") set a pretend time. */
export const CLOCK_KEY = 'little-stool:now';

declare global {
  interface Window {
    /** Test hook: `littleStoolClock.set(ms)` moves the app's clock, `set(null)` returns to real time. */
    littleStoolClock?: { set(ms: number | null): void; now(): number };
  }
}

function stored(): number | undefined {
  try {
    const raw = localStorage.getItem(CLOCK_KEY);
    const n = raw === null ? Number.NaN : Number(raw);
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

const [override, setOverride] = createSignal<number | undefined>(typeof window === 'undefined' ? undefined : stored());
// Ticks once a minute so that "overdue" turns on at midnight without a reload.
const [tick, setTick] = createSignal(relayNow());

if (typeof window !== 'undefined') {
  setInterval(() => setTick(relayNow()), 60_000);
  window.addEventListener('storage', (e) => {
    if (e.key === CLOCK_KEY) setOverride(stored());
  });
  window.littleStoolClock = {
    set(ms) {
      try {
        if (ms === null) localStorage.removeItem(CLOCK_KEY);
        else localStorage.setItem(CLOCK_KEY, String(ms));
      } catch {
        // No storage: the override lasts for this visit.
      }
      setOverride(ms ?? undefined);
    },
    now: () => exactNow(),
  };
}

/** The time "now" for deciding what is overdue: the relay's time unless a test set `little-stool:now`. */
export const now: Accessor<number> = () => override() ?? tick();

/**
 * The app's clock to the millisecond: the relay's time, or a test's pretend time. Reactive only to the
 * pretend time being set; whoever needs time to pass reads it again from a timer.
 */
export const exactNow: Accessor<number> = () => override() ?? relayNow();
