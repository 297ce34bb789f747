import { DAY, HOUR } from './Sim.ts';
import type { World } from './World.ts';
import { anyCommittee, committeeOf } from './World.ts';

/** Points of each rule; the rule list is defined on the first day. */
export const rulePoints: Record<keyof World['rules'], number> = {
  volunteer: 10,
  tidy: 10,
  helping: 10,
  snapshot: 5,
  meeting: 5,
  flyingWire: -10,
};

const ruleNames: Record<keyof World['rules'], string> = {
  volunteer: '参加志愿服务',
  tidy: '门前三包整洁',
  helping: '帮扶困难邻居',
  snapshot: '随手拍上报',
  meeting: '参加议事会',
  flyingWire: '飞线充电（扣分）',
};

/** Defines the rule list and stocks the love supermarket (爱心超市) with rice, oil and more. */
export function setUpPoints(w: World): void {
  const by = w.founder.memberId;
  for (const key of Object.keys(ruleNames) as (keyof World['rules'])[]) {
    w.rules[key] = w.sim.emit('public', 'points.rule.defined', by, {
      name: ruleNames[key],
      points: rulePoints[key],
    }).id;
  }
  for (const [name, price, stock] of [
    ['大米 5公斤', 100, 40],
    ['食用油 5升', 120, 30],
    ['洗衣液', 60, 50],
    ['毛巾', 30, 80],
    ['鸡蛋 一盒', 40, 60],
  ] as const) {
    const id = w.sim.emit('public', 'points.goods.listed', by, { name, pricePoints: price, stock }).id;
    w.goods.push({ id, name, price, stock });
  }
}

/** Awards a rule's points to a member; one award in a hundred is later corrected as a duplicate. */
export function awardPoints(
  w: World,
  memberId: string,
  rule: keyof World['rules'],
  reason: string,
  link: { requestId?: string; dutyId?: string } = {},
): void {
  const e = w.sim.emit('public', 'points.awarded', anyCommittee(w).memberId, {
    memberId,
    ruleId: w.rules[rule],
    reason,
    ...link,
  });
  w.balances.set(memberId, (w.balances.get(memberId) ?? 0) + rulePoints[rule]);
  if (rulePoints[rule] > 0 && w.rng.chance(0.01)) {
    w.sim.after(w.rng.int(1, 5) * DAY, () => {
      const balance = w.balances.get(memberId) ?? 0;
      if (balance < rulePoints[rule]) return;
      w.sim.emit('public', 'points.corrected', anyCommittee(w).memberId, {
        targetEventId: e.id,
        reason: '重复登记，予以更正',
      });
      w.balances.set(memberId, balance - rulePoints[rule]);
    });
  }
}

/** Every Saturday the love supermarket opens: members with enough points take rice, oil, eggs. */
export function planSupermarket(w: World): void {
  for (let day = 5; day < w.scale.days; day += 7) {
    w.sim.at(w.sim.dayTime(day, 9, 180), () => supermarketDay(w));
  }
  // Monthly awards for tidy frontage (门前三包) and for helping neighbours.
  for (let day = 20; day < w.scale.days; day += 30) {
    w.sim.at(w.sim.dayTime(day, 10), () => {
      for (const m of w.rng.sample(w.residents, w.rng.int(3, 10))) awardPoints(w, m.memberId, 'tidy', '门前三包做得好');
      for (const m of w.rng.sample(w.volunteers, w.rng.int(1, 4)))
        awardPoints(w, m.memberId, 'helping', '帮扶独居老人');
    });
  }
}

function supermarketDay(w: World): void {
  const { rng, sim } = w;
  const recorder = committeeOf(w, 'community').memberId;
  for (const goods of w.goods) {
    if (goods.stock < 10) {
      const quantity = rng.int(20, 50);
      sim.emit('public', 'points.goods.restocked', recorder, { goodsId: goods.id, quantity });
      goods.stock += quantity;
    }
  }
  const rich = [...w.balances].filter(([, balance]) => balance >= 30).map(([memberId]) => memberId);
  for (const memberId of rng.sample(rich, rng.int(2, 8))) {
    const balance = w.balances.get(memberId) ?? 0;
    const affordable = w.goods.filter((g) => g.price <= balance && g.stock > 0);
    if (affordable.length === 0) continue;
    const goods = rng.pick(affordable);
    const quantity = goods.price * 2 <= balance && goods.stock >= 2 && rng.chance(0.3) ? 2 : 1;
    sim.after(rng.int(0, 3) * HOUR, () => {
      const now = w.balances.get(memberId) ?? 0;
      if (now < goods.price * quantity || goods.stock < quantity) return;
      sim.emit('public', 'points.redeemed', recorder, { memberId, goodsId: goods.id, quantity });
      w.balances.set(memberId, now - goods.price * quantity);
      goods.stock -= quantity;
    });
  }
}
