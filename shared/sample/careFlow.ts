import type { Cadence, CareReason } from '../events/care.ts';
import { careReasons, visitNotes } from './vocabulary.ts';
import type { World } from './World.ts';
import { committeeOf } from './World.ts';

const cadenceDays: Record<Cadence, number> = { daily: 1, weekly: 7, fortnightly: 14, monthly: 30 };

/**
 * Vulnerable households (committee document only), visited 日访、周访、月访; about one visit in
 * twenty is missed, and a household now and then closes (moved to a child's home).
 */
export function planCare(w: World): void {
  const { rng, sim } = w;
  for (let i = 0; i < w.scale.households; i++) {
    const cadence: Cadence = i < 2 ? 'daily' : i < Math.ceil(w.scale.households / 3) ? 'weekly' : 'monthly';
    const reason = rng.pick(Object.keys(careReasons) as CareReason[]);
    sim.at(sim.dayTime(rng.int(0, 20), 10), () => {
      const visitor = rng.chance(0.5) ? committeeOf(w, 'community') : rng.pick([...w.leads.values()]);
      const building = rng.int(1, w.scale.buildings);
      const h = sim.emit('committee', 'care.household.registered', committeeOf(w, 'community').memberId, {
        label: `${rng.pick(['王', '李', '张', '刘', '陈'])}${rng.pick(['奶奶', '大爷', '阿姨'])}家`,
        building: `${building}号楼`,
        unit: `${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 2)}`,
        reasonCategory: reason,
        cadence,
        visitorId: visitor.memberId,
        note: careReasons[reason],
      });
      const closeDay = rng.chance(0.15) ? sim.dayIndex(sim.now) + rng.int(60, w.scale.days) : Number.POSITIVE_INFINITY;
      let day = sim.dayIndex(sim.now) + cadenceDays[cadence];
      for (; day < Math.min(w.scale.days, closeDay); day += cadenceDays[cadence]) {
        if (rng.chance(0.05)) continue;
        sim.at(sim.dayTime(day, 9, 480), () =>
          sim.emit('committee', 'care.visit.logged', committeeOf(w, 'community').memberId, {
            householdId: h.id,
            note: rng.pick(visitNotes),
            ...(rng.chance(0.1) ? { needs: '需要帮忙买药。' } : {}),
          }),
        );
      }
      if (closeDay < w.scale.days)
        sim.at(sim.dayTime(closeDay, 16), () =>
          sim.emit('committee', 'care.household.closed', committeeOf(w, 'community').memberId, {
            householdId: h.id,
            reason: '搬去子女家居住。',
          }),
        );
    });
  }
}
