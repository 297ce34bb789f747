/** Retries an assertion until it passes or the time is up; never a fixed sleep. */
export async function eventually<T>(fn: () => T | Promise<T>, { timeout = 10_000, interval = 20 } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}
