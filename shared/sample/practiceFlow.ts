import { maskName } from '../events/practice.ts';
import { photoRefs } from './pictures.ts';
import { DAY, HOUR } from './Sim.ts';
import { microWishes } from './vocabulary.ts';
import type { World } from './World.ts';
import { anyCommittee, committeeOf } from './World.ts';

/** Every member registers to a building and micro-grid; leads, grid workers, riders and units carry tags. */
export function registerProfiles(w: World): void {
  const { rng, sim } = w;
  const leads = new Set([...w.leads.values()].map((m) => m.memberId));
  const reporters = new Set(w.reporters.map((m) => m.memberId));
  const partners = new Set(w.partners.map((m) => m.memberId));
  for (const m of w.members) {
    sim.at(sim.dayTime(rng.int(0, 14), 8, 720), () => {
      const building = w.buildingOf.get(m.memberId);
      const tags = [
        ...(leads.has(m.memberId) ? (['building-lead'] as const) : []),
        ...(reporters.has(m.memberId)
          ? [rng.chance(0.5) ? ('grid-worker' as const) : ('delivery-rider' as const)]
          : []),
        ...(partners.has(m.memberId) ? (['partner-unit'] as const) : []),
      ];
      sim.emit('public', 'practice.profile.registered', m.memberId, {
        memberId: m.memberId,
        ...(building ? { building: `${building}号楼`, microGrid: `${building}号楼-${rng.int(1, 3)}` } : {}),
        tags,
      });
    });
  }
  // The founder names each building's lead once most have registered (no draw: the rest of the sample stays as it was).
  sim.at(sim.dayTime(15, 10), () => {
    for (const [building, lead] of w.leads)
      sim.emit('public', 'grid.building-lead.named', w.founder.memberId, {
        building: `${building}号楼`,
        memberId: lead.memberId,
        replaces: [],
      });
  });
}

/** 揭榜领办: each month a need or a resident's micro-wish goes on the needs board; a partner unit claims and delivers it. */
export function planListings(w: World): void {
  const { rng, sim } = w;
  for (let day = 25; day < w.scale.days; day += rng.int(20, 40)) {
    sim.at(sim.dayTime(day, 10), () => {
      const [title, detail] = rng.pick(microWishes);
      const forName = rng.chance(0.6) ? maskName(rng.pick(w.residents).name) : undefined;
      const listing = sim.emit('needs', 'practice.published', anyCommittee(w).memberId, {
        wish: { title, detail, due: sim.now + rng.int(7, 30) * DAY, ...(forName ? { forName } : {}) },
      });
      if (!w.partnerMembers.length || rng.chance(0.15)) return;
      const unit = rng.pick(w.partnerMembers);
      sim.after(rng.int(1, 10) * DAY, () => {
        const claim = sim.emit('needs', 'practice.claimed', unit.memberId, {
          listingId: listing.id,
          unitName: unit.unit as string,
          contact: `${unit.name} 138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        });
        sim.after(rng.int(3, 20) * DAY, () => {
          sim.emit('needs', 'practice.reported', unit.memberId, {
            listingId: listing.id,
            claimId: claim.id,
            note: '已经办好了，附上照片。',
            photos: photoRefs(w, 1),
          });
          sim.after(rng.int(4, 72) * HOUR, () =>
            sim.emit('needs', 'practice.accepted', committeeOf(w, 'community').memberId, {
              listingId: listing.id,
              claimId: claim.id,
              note: '感谢共建单位！',
            }),
          );
        });
      });
    });
  }
}
