import { shanghaiDay } from '../time.ts';
import { awardPoints } from './pointsFlow.ts';
import { DAY, HOUR, MINUTE } from './Sim.ts';
import type { SampleMember, World } from './World.ts';
import { committeeOf } from './World.ts';

const teams = {
  elders: ['背老人下楼志愿队', '帮行动不便的老人上下楼、去医院。'],
  patrol: ['夜间巡逻队', '晚上在小区里巡逻，查看飞线充电和消防通道。'],
  repair: ['便民维修队', '帮邻居修水龙头、换灯泡、修自行车。'],
  errands: ['跑腿代办队', '替老人买菜、取药、办事。'],
} as const;

const shifts: Record<keyof typeof teams, { start: number; hours: number; place: string }> = {
  elders: { start: 8, hours: 2, place: '社区卫生服务中心' },
  patrol: { start: 19, hours: 2, place: '小区东门' },
  repair: { start: 9, hours: 3, place: '小区便民服务站' },
  errands: { start: 15, hours: 2, place: '社区党群服务中心' },
};

/** Creates the volunteer teams on the first days. */
export function setUpTeams(w: World): void {
  const leader = committeeOf(w, 'community');
  for (const key of Object.keys(teams) as (keyof typeof teams)[]) {
    const [name, purpose] = teams[key];
    w.teams[key] = w.sim.emit('public', 'roster.team.created', leader.memberId, {
      name,
      purpose,
      leaderId: w.rng.pick(w.volunteers).memberId,
    }).id;
  }
}

/** Duties through the year: created ahead, signed up for, served with check-in and check-out. */
export function planDuties(w: World): void {
  const weeks = Math.floor(w.scale.days / 7);
  for (let week = 0; week < weeks; week++) {
    let n = Math.floor(w.scale.dutiesPerWeek);
    if (w.rng.chance(w.scale.dutiesPerWeek - n)) n += 1;
    for (let i = 0; i < n; i++) {
      const team = w.rng.pick(Object.keys(teams) as (keyof typeof teams)[]);
      w.sim.at(w.sim.dayTime(week * 7 + w.rng.int(0, 6), 10), () => duty(w, team, w.rng.int(3, 8)));
    }
  }
}

/** One duty: created `ahead` days before its day; volunteers sign up; served and rewarded with points. */
export function duty(w: World, team: keyof typeof teams, ahead: number, title?: string): void {
  const { rng, sim } = w;
  const shift = shifts[team];
  const startAt = sim.start + (sim.dayIndex(sim.now) + ahead) * DAY + shift.start * HOUR;
  const slots = rng.int(2, 6);
  const d = sim.emit('public', 'roster.duty.created', committeeOf(w, 'community').memberId, {
    teamId: w.teams[team],
    ...(title ? { title } : {}),
    day: shanghaiDay(startAt),
    start: `${String(shift.start).padStart(2, '0')}:00`,
    end: `${String(shift.start + shift.hours).padStart(2, '0')}:00`,
    place: shift.place,
    slots,
  });
  const cancelled = rng.chance(0.03);
  const signed: SampleMember[] = [];
  for (const volunteer of rng.sample(w.volunteers, rng.int(1, slots))) {
    sim.at(rng.int(sim.now + HOUR, startAt - 2 * HOUR), () => {
      if (cancelled && sim.now > startAt - DAY) return;
      sim.emit('public', 'roster.signed-up', volunteer.memberId, { dutyId: d.id, memberId: volunteer.memberId });
      signed.push(volunteer);
    });
  }
  if (cancelled) {
    sim.at(startAt - DAY, () =>
      sim.emit('public', 'roster.duty.cancelled', committeeOf(w, 'community').memberId, {
        dutyId: d.id,
        reason: '下雨，活动取消。',
      }),
    );
    return;
  }
  sim.at(startAt - HOUR, () => {
    const gone = signed.length > 1 && rng.chance(0.06) ? signed.pop() : undefined;
    if (gone) sim.emit('public', 'roster.withdrew', gone.memberId, { dutyId: d.id, memberId: gone.memberId });
  });
  sim.at(startAt, () => {
    for (const volunteer of [...signed]) {
      if (rng.chance(0.05)) continue;
      sim.emit('public', 'roster.checked-in', volunteer.memberId, { dutyId: d.id, memberId: volunteer.memberId });
      const minutes = shift.hours * 60 + rng.int(-20, 30);
      sim.at(startAt + minutes * MINUTE, () => {
        sim.emit('public', 'roster.checked-out', volunteer.memberId, {
          dutyId: d.id,
          memberId: volunteer.memberId,
          minutes,
        });
        sim.after(rng.int(1, 20) * HOUR, () =>
          awardPoints(w, volunteer.memberId, 'volunteer', `${teams[team][0]}志愿服务`, { dutyId: d.id }),
        );
      });
    }
  });
}
