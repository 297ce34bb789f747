import { assign, classify, decide, escalate, progress, raise } from './agendaSteps.ts';
import { DAY, HOUR } from './Sim.ts';
import { departments } from './vocabulary.ts';
import type { World } from './World.ts';
import { anyCommittee, ownerParty } from './World.ts';

const stalls = [
  '配件还没到货，到货后马上安排。',
  '施工队排期推迟了，正在协调。',
  '费用还要业委会确认，确认后开工。',
  '下雨耽误了几天，天晴就做。',
];

/**
 * The work that has slipped by the sample's last day, as in any compound: a few approved requests
 * past their deadlines, stalled on parts, a contractor, money or a department that has not answered.
 */
export function planBacklog(w: World): void {
  const { sim, scale } = w;
  // Drawn at that time rather than now, so the rest of the sample stays what it was.
  sim.at(sim.start + (scale.days - 50) * DAY, () => {
    const n = w.rng.int(3, 5);
    for (let i = 0; i < n; i++) sim.at(sim.dayTime(scale.days - w.rng.int(22, 48), 8, 12 * 60), () => slip(w));
  });
}

function slip(w: World): void {
  const { rng, sim } = w;
  const r = raise(w, rng.pick(w.residents), { big: false });
  sim.after(rng.int(6, 30) * HOUR, () => {
    if (!classify(w, r)) return;
    sim.after(rng.int(1, 3) * DAY, () => {
      if (!decide(w, r, 'approved', anyCommittee(w))) return;
      const party = ownerParty(r.category);
      // A deadline a few days to two weeks before the last day.
      const days = Math.max(3, Math.floor((sim.end - sim.now) / DAY) - rng.int(2, 14));
      const deadline = assign(w, r, party, days);
      if (deadline === undefined) return;
      sim.at(sim.now + (deadline - sim.now) * 0.6, () => {
        if (rng.chance(0.3)) escalate(w, r, rng.pick(departments));
        else progress(w, r, party, rng.pick(stalls));
      });
    });
  });
}
