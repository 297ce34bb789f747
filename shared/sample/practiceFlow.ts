import { photoRefs } from './pictures.ts';
import { DAY, HOUR } from './Sim.ts';
import { microWishes, partnerUnits } from './vocabulary.ts';
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

/** 揭榜领办: each month a micro-wish or an open request is published; a partner unit claims and delivers it. */
export function planListings(w: World): void {
  const { rng, sim } = w;
  for (let day = 25; day < w.scale.days; day += rng.int(20, 40)) {
    sim.at(sim.dayTime(day, 10), () => {
      const open = [...w.requests.values()]
        .slice(-80)
        .filter((r) => r.category === 'elderly' || r.category === 'children');
      const request = rng.chance(0.4) && open.length ? rng.pick(open) : undefined;
      const [title, detail] = rng.pick(microWishes);
      const listing = sim.emit('public', 'practice.published', anyCommittee(w).memberId, {
        ...(request ? { requestId: request.id } : { wish: { title, detail } }),
      });
      if (!w.partners.length || rng.chance(0.15)) return;
      const unit = rng.pick(w.partners);
      sim.after(rng.int(1, 10) * DAY, () => {
        const claim = sim.emit('public', 'practice.claimed', unit.memberId, {
          listingId: listing.id,
          unitName: rng.pick(partnerUnits),
          contact: `${unit.name} 138${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        });
        sim.after(rng.int(3, 20) * DAY, () => {
          sim.emit('public', 'practice.reported', unit.memberId, {
            listingId: listing.id,
            claimId: claim.id,
            note: '已经办好了，附上照片。',
            photos: photoRefs(w, 1),
          });
          sim.after(rng.int(4, 72) * HOUR, () =>
            sim.emit('public', 'practice.accepted', committeeOf(w, 'community').memberId, {
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
