import { describe, expect, it } from 'vitest';
import { TurnBudget } from '../../../sync-server/relay/TurnBudget.ts';
import { eventually } from '../../helpers/eventually.ts';

/** Work that "takes" `ms` of the budget each time it runs, `times` times in all, logging its name. */
function worker(budget: TurnBudget, log: string[], name: string, times: number, ms: number) {
  let left = times;
  const run = (): void => {
    log.push(name);
    budget.spend(ms);
    if (--left > 0) budget.later(run);
  };
  return run;
}

describe('the turn budget shared by every room', () => {
  it('serves waiting work first come first served, one slice each while the turn lasts', async () => {
    const budget = new TurnBudget(8);
    const log: string[] = [];
    budget.later(worker(budget, log, 'a', 3, 8));
    budget.later(worker(budget, log, 'b', 3, 8));
    budget.later(worker(budget, log, 'c', 1, 1));
    await eventually(() => expect(log.length).toBe(7));
    // A slice of 8 ms uses a whole turn: whoever waited longest goes next, and a room back for more
    // waits behind those already waiting.
    expect(log).toEqual(['a', 'b', 'c', 'a', 'b', 'a', 'b']);
  });

  it('is whole again in the next turn, and what waits is served before new work', async () => {
    const budget = new TurnBudget(8);
    budget.spend(10);
    expect(budget.left).toBeLessThanOrEqual(0);
    const log: string[] = [];
    budget.later(() => log.push('waited'));
    await eventually(() => expect(log).toEqual(['waited']));
    await new Promise((resolve) => setImmediate(resolve));
    expect(budget.left).toBe(8);
  });
});
