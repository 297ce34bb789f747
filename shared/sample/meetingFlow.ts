import { deliberate, holdMeeting } from './agendaFlow.ts';
import { classify, raise, schedule, vote } from './agendaSteps.ts';
import { DAY, HOUR } from './Sim.ts';
import type { MeetingModel, World } from './World.ts';
import { committeeOf } from './World.ts';

const places: Record<MeetingModel['kind'], string> = {
  'little-stool': '楼下',
  council: '社区党群服务中心',
  'three-party': '小区议事厅',
  'owners-assembly': '小区中心广场',
};

/**
 * The meeting calendar: a three-party joint meeting every quarter, the council monthly,
 * little-stool meetings by one building or another, the owners' assembly yearly.
 */
export function planMeetings(w: World): void {
  const { rng, scale } = w;
  const plan: [MeetingModel['kind'], number][] = [];
  for (let day = 12; day < scale.days; day += rng.int(78, 90)) plan.push(['three-party', day]);
  for (let day = 18; day < scale.days; day += rng.int(28, 33)) plan.push(['council', day]);
  for (let day = 9; day < scale.days; day += rng.int(6, 12)) plan.push(['little-stool', day]);
  // The first owners' assembly is the fire-lane story's (see stories.ts).
  for (let day = 465; day < scale.days; day += 365) plan.push(['owners-assembly', day]);
  for (const [kind, day] of plan) announce(w, kind, day, rng.int(7, 12));
}

/** Meetings announced before the last day and held after it: what the calendar shows as coming up. */
export function planUpcoming(w: World): void {
  const { sim, scale } = w;
  // Drawn at that time rather than now, so the rest of the sample stays what it was.
  sim.at(sim.start + (scale.days - 14) * DAY, () => {
    const stool = scale.days + w.rng.int(1, 4);
    announce(w, 'little-stool', stool, stool - scale.days + w.rng.int(6, 9), undefined, (m) => fillAgenda(w, m));
    const council = scale.days + w.rng.int(8, 13);
    announce(w, 'council', council, council - scale.days + w.rng.int(3, 6), undefined, (m) => fillAgenda(w, m));
  });
}

/** Residents raise what they want talked over at a coming meeting; the committee puts it on the agenda. */
function fillAgenda(w: World, m: MeetingModel): void {
  const { rng, sim } = w;
  const neighbours = w.residents.filter((x) => m.building === null || w.buildingOf.get(x.memberId) === m.building);
  for (let i = rng.int(2, 3); i > 0; i--) {
    sim.after(rng.int(2, 48) * HOUR, () => {
      const r = raise(w, rng.pick(neighbours.length ? neighbours : w.residents), { big: true });
      sim.after(rng.int(4, 20) * HOUR, () => {
        if (!classify(w, r) || !schedule(w, r, m)) return;
        for (const voter of rng.sample(w.residents, rng.int(2, 6)))
          sim.after(rng.int(1, 36) * HOUR, () => vote(w, r, voter));
      });
    });
  }
}

/** Announces a meeting some days ahead; a few are called off and held again a week later. */
export function announce(
  w: World,
  kind: MeetingModel['kind'],
  day: number,
  ahead: number,
  building?: number,
  onAnnounced?: (m: MeetingModel) => void,
): void {
  const { rng, sim } = w;
  sim.at(sim.dayTime(Math.max(0, day - ahead), 9), () => {
    const b = building ?? rng.int(1, w.scale.buildings);
    const m: MeetingModel = {
      meetingId: `${kind}-${sim.newId()}`,
      kind,
      startsAt: sim.dayTime(day, kind === 'little-stool' ? 18 : 14, 60),
      place: kind === 'little-stool' ? `${b}号楼${places[kind]}` : places[kind],
      building: kind === 'little-stool' ? b : null,
      requests: [],
      scripted: new Map(),
    };
    sim.emit('public', 'meeting.scheduled', committeeOf(w, 'community').memberId, {
      meetingId: m.meetingId,
      kind,
      startsAt: m.startsAt,
      place: m.place,
      ...(kind === 'little-stool' ? { title: `${b}号楼小板凳见面会` } : {}),
    });
    onAnnounced?.(m);
    if (!onAnnounced && rng.chance(0.03)) {
      sim.after(DAY, () => {
        sim.emit('public', 'meeting.cancelled', committeeOf(w, 'community').memberId, {
          meetingId: m.meetingId,
          reason: '天气原因，改期举行。',
        });
        w.upcoming = w.upcoming.filter((x) => x !== m);
        for (const id of m.requests) {
          const r = w.requests.get(id);
          if (r?.stage === 'scheduled') deliberate(w, r);
        }
        announce(w, kind, day + 7, 6);
      });
    }
    w.upcoming = [...w.upcoming, m].sort((a, b2) => a.startsAt - b2.startsAt);
    sim.at(m.startsAt, () => {
      if (w.upcoming.includes(m)) holdMeeting(w, m);
    });
  });
}
