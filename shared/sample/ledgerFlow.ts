import type { IncomeSource } from '../events/ledger.ts';
import type { Party } from '../roles.ts';
import { parties } from '../roles.ts';
import { shanghaiDay } from '../time.ts';
import { paperRef } from './pictures.ts';
import { DAY, HOUR } from './Sim.ts';
import { donors, expensePurposes, payees } from './vocabulary.ts';
import type { World } from './World.ts';
import { committeeOf } from './World.ts';

const YUAN = 100;

/** Opens the three-party shared account (三方共管账户). */
export function setUpLedger(w: World): void {
  w.funds.shared = w.sim.emit('public', 'ledger.fund.opened', w.founder.memberId, {
    name: '公共收益三方共管账户',
    kind: 'shared-account',
  }).id;
  w.available.set(w.funds.shared, 0);
}

/** Records money in; one entry in two hundred is a typo, reversed a few days later. */
export function income(w: World, fundId: string, source: IncomeSource, yuan: number, payer: string): void {
  const amount = Math.round(yuan * YUAN);
  const e = w.sim.emit('public', 'ledger.income.recorded', committeeOf(w, 'property').memberId, {
    fundId,
    amount,
    source,
    payer,
    day: shanghaiDay(w.sim.now),
    receipts: [paperRef(w)],
  });
  w.available.set(fundId, (w.available.get(fundId) ?? 0) + amount);
  if (w.rng.chance(0.005)) {
    w.sim.after(w.rng.int(1, 4) * DAY, () => {
      if ((w.available.get(fundId) ?? 0) < amount) return;
      w.sim.emit('public', 'ledger.reversed', committeeOf(w, 'owners').memberId, {
        targetEventId: e.id,
        reason: '重复录入，冲销。',
      });
      w.available.set(fundId, (w.available.get(fundId) ?? 0) - amount);
    });
  }
}

/** Public income: daily parking takings, elevator ads each quarter, venue rents, donations, property's share. */
export function planIncome(w: World): void {
  const { rng, sim } = w;
  for (let day = 1; day < w.scale.days; day++) {
    const fund = () => w.funds.shared;
    sim.at(sim.dayTime(day, 20), () => income(w, fund(), 'parking', rng.int(200, 600), '停车场临时停车收费'));
    if (day % 91 === 30)
      sim.at(sim.dayTime(day, 10), () => income(w, fund(), 'advertising', rng.int(6000, 9000), '电梯广告公司'));
    if (rng.chance(0.08)) sim.at(sim.dayTime(day, 11), () => income(w, fund(), 'venue', rng.int(200, 800), '场地租用'));
    if (rng.chance(0.01))
      sim.at(sim.dayTime(day, 15), () => income(w, fund(), 'donation', rng.int(500, 5000), rng.pick(donors)));
    if (day % 91 === 60)
      sim.at(sim.dayTime(day, 10), () => income(w, fund(), 'property', rng.int(3000, 8000), '物业公司'));
  }
}

/** Small repairs paid from the shared account, each approved by all three parties first. */
export function planExpenses(w: World): void {
  const weeks = Math.floor(w.scale.days / 7);
  for (let week = 1; week < weeks; week++) {
    let n = Math.floor(w.scale.expensesPerWeek);
    if (w.rng.chance(w.scale.expensesPerWeek - n)) n += 1;
    for (let i = 0; i < n; i++) {
      w.sim.at(w.sim.dayTime(week * 7 + w.rng.int(0, 6), 9, 480), () => {
        const open = [...w.requests.values()].slice(-40).filter((r) => r.stage === 'assigned');
        const request = w.rng.chance(0.3) && open.length ? w.rng.pick(open) : undefined;
        spend(w, w.funds.shared, w.rng.int(100, 1200), w.rng.pick(payees), w.rng.pick(expensePurposes), request?.id);
      });
    }
  }
}

/**
 * Proposes an expense if the fund can bear it, then gathers the three parties' approvals (one
 * in thirty is refused), pays it with a receipt; one payment in a hundred is refunded and reversed.
 */
export function spend(
  w: World,
  fundId: string,
  yuan: number,
  payee: string,
  purpose: string,
  requestId?: string,
  onPaid?: () => void,
): string | undefined {
  const { rng, sim } = w;
  const amount = Math.round(yuan * YUAN);
  if ((w.available.get(fundId) ?? 0) < amount) return undefined;
  w.available.set(fundId, (w.available.get(fundId) ?? 0) - amount);
  const x = sim.emit('public', 'ledger.expense.proposed', committeeOf(w, 'property').memberId, {
    fundId,
    amount,
    payee,
    purpose,
    ...(requestId ? { requestId } : {}),
    quotes: [paperRef(w)],
  });
  const refuser: Party | undefined = onPaid || !rng.chance(1 / 30) ? undefined : rng.pick(parties);
  let t = 0;
  let approvals = 0;
  for (const party of rng.sample(parties, 3)) {
    t += rng.int(2, 48) * HOUR;
    sim.after(t, () => {
      if (approvals < 0) return;
      const by = committeeOf(w, party).memberId;
      if (party === refuser) {
        sim.emit('public', 'ledger.expense.refused', by, { expenseId: x.id, party, note: '报价偏高，请重新询价。' });
        w.available.set(fundId, (w.available.get(fundId) ?? 0) + amount);
        approvals = -1;
        return;
      }
      sim.emit('public', 'ledger.expense.approved', by, { expenseId: x.id, party });
      approvals += 1;
      if (approvals === 3) sim.after(rng.int(1, 5) * DAY, () => pay(w, x.id, fundId, amount, onPaid));
    });
  }
  return x.id;
}

function pay(w: World, expenseId: string, fundId: string, amount: number, onPaid?: () => void): void {
  const { rng, sim } = w;
  const paid = sim.emit('public', 'ledger.expense.paid', committeeOf(w, 'property').memberId, {
    expenseId,
    day: shanghaiDay(sim.now),
    receipts: [paperRef(w)],
  });
  onPaid?.();
  if (!onPaid && rng.chance(0.01)) {
    sim.after(rng.int(3, 20) * DAY, () => {
      sim.emit('public', 'ledger.reversed', committeeOf(w, 'owners').memberId, {
        targetEventId: paid.id,
        reason: '工程未验收，款项退回。',
      });
      w.available.set(fundId, (w.available.get(fundId) ?? 0) + amount);
    });
  }
}
