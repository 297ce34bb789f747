import type { Party } from '../roles.ts';
import { answer, assign, classify, complete, escalate, merge, raise, rate, schedule, vote } from './agendaSteps.ts';
import { income, spend } from './ledgerFlow.ts';
import { announce } from './meetingFlow.ts';
import { awardPoints } from './pointsFlow.ts';
import { duty } from './rosterFlow.ts';
import { DAY, HOUR } from './Sim.ts';
import type { RequestModel, SampleMember, World } from './World.ts';
import { committeeOf } from './World.ts';

/**
 * The seeds' stories, early in every generated compound: flying-wire charging sorted out at a
 * little-stool meeting by building 3; the basketball court renovated from public income (under
 * 30,000 yuan, all three approvals); the fire lane widened with pooled money, donations and the
 * property company's share; the volunteers who carry elders downstairs; rice and oil for points.
 */
export function planStories(w: World): void {
  flyingWires(w, 12);
  eldersDownstairs(w, 6);
  basketballCourt(w, 40);
  fireLane(w, 70);
  riceAndOil(w, 75);
}

function residentOf(w: World, building: number): SampleMember {
  return w.residents.find((m) => w.buildingOf.get(m.memberId) === building) ?? (w.residents[0] as SampleMember);
}

/** Approved work carried out: assigned, done, and rated well by residents. */
function carryOut(w: World, r: RequestModel, party: Party, days: number, result: string, after?: () => void): void {
  const { sim, rng } = w;
  assign(w, r, party, days);
  sim.after(rng.int(2, days - 1) * DAY, () => {
    if (!complete(w, r, party, result)) return;
    for (const [i, resident] of rng.sample(w.residents, 4).entries())
      sim.after((i + 1) * 5 * HOUR, () => rate(w, r, resident, true));
    after?.();
  });
}

function flyingWires(w: World, day: number): void {
  const { sim, rng } = w;
  const complaints: RequestModel[] = [];
  sim.at(sim.dayTime(day, 19), () => {
    complaints.push(
      raise(w, residentOf(w, 3), {
        category: 'ev-charging',
        title: '3号楼有人从楼上拉飞线给电动车充电',
        detail: '晚上好几根电线从三楼、五楼垂下来给电动车充电，电线老化，很危险。',
        building: 3,
        big: true,
        photos: 2,
      }),
    );
  });
  for (const offset of [1, 2]) {
    sim.at(sim.dayTime(day + offset, 20), () => {
      complaints.push(
        raise(w, rng.pick(w.residents), { category: 'ev-charging', title: '飞线充电太危险了', building: 3 }),
      );
    });
  }
  sim.at(sim.dayTime(day + 3, 9), () => {
    const [first, ...dups] = complaints;
    if (!first) return;
    classify(w, first, 'urgent');
    for (const dup of dups) merge(w, dup, first);
    duty(w, 'patrol', 2, '夜间巡查飞线充电');
    awardPoints(w, rng.pick(w.residents).memberId, 'flyingWire', '私拉飞线充电，劝说后仍未整改');
  });
  announce(w, 'little-stool', day + 10, 6, 3, (m) => {
    const first = complaints[0];
    if (!first || !schedule(w, first, m)) return;
    for (const resident of rng.sample(w.residents, 6))
      sim.after(rng.int(2, 100) * HOUR, () => vote(w, first, resident));
    m.scripted.set(first.id, () => {
      const party: Party = 'owners';
      assign(w, first, party, 45);
      sim.after(3 * DAY, () => {
        const id = escalate(w, first, '供电公司');
        if (!id) return;
        sim.after(8 * DAY, () => answer(w, first, id, '供电公司已到现场勘察，同意增容，配合安装充电桩。'));
        sim.after(30 * DAY, () => {
          if (!complete(w, first, party, '小区新装了20个电动车充电桩，飞线已全部清理。')) return;
          for (const [i, resident] of rng.sample(w.residents, 5).entries())
            sim.after((i + 1) * 6 * HOUR, () => rate(w, first, resident, true));
        });
      });
    });
  });
}

function eldersDownstairs(w: World, day: number): void {
  const { sim } = w;
  sim.at(sim.dayTime(day, 10), () => {
    const lead = w.leads.get(2);
    if (!lead) return;
    const r = raise(w, lead, {
      category: 'elderly',
      title: '老人下楼看病不方便，希望有人帮忙背下楼',
      detail: '2号楼有三位老人腿脚不便，每次去医院复查都下不了楼。',
      building: 2,
      raisedFor: '刘奶奶',
      big: false,
    });
    sim.after(DAY, () => {
      classify(w, r, 'high');
      duty(w, 'elders', 3, '背老人下楼去医院复查');
      duty(w, 'elders', 10, '背老人下楼去医院复查');
    });
  });
}

function basketballCourt(w: World, day: number): void {
  const { sim, rng } = w;
  sim.at(sim.dayTime(day, 16), () => {
    const r = raise(w, w.residents[1] ?? w.founder, {
      category: 'other',
      title: '篮球场地面开裂，篮架生锈，希望改造',
      detail: '篮球场地面到处是裂缝，篮架也锈了，孩子们打球容易受伤。希望用公共收益改造一下。',
      big: true,
      photos: 3,
    });
    sim.after(DAY, () => classify(w, r, 'normal'));
    announce(w, 'three-party', day + 20, 10, undefined, (meeting) => {
      if (!schedule(w, r, meeting)) return;
      for (const resident of rng.sample(w.residents, 8)) sim.after(rng.int(2, 120) * HOUR, () => vote(w, r, resident));
      meeting.scripted.set(r.id, () => {
        const yuan = 28_600;
        const gap = yuan * 100 - (w.available.get(w.funds.shared) ?? 0);
        if (gap > 0) income(w, w.funds.shared, 'property', Math.ceil(gap / 100) + 1000, '物业公司（公共收益分成）');
        spend(w, w.funds.shared, yuan, '华宇建筑装饰公司', '篮球场改造：地面翻新、更换篮架', r.id, () =>
          sim.after(DAY, () => carryOut(w, r, 'property', 30, '篮球场改造完成，地面翻新，换了新篮架。')),
        );
      });
    });
  });
}

function fireLane(w: World, day: number): void {
  const { sim, rng } = w;
  sim.at(sim.dayTime(day, 9), () => {
    const r = raise(w, residentOf(w, 1), {
      category: 'fire-lane',
      title: '东门消防通道太窄，消防车进不来',
      detail: '东门消防通道只有三米宽，两边还停着车，上次救护车都进不来，希望拓宽。',
      building: 1,
      big: true,
      photos: 2,
    });
    sim.after(DAY, () => classify(w, r, 'urgent'));
    announce(w, 'owners-assembly', day + 30, 20, undefined, (m) => {
      if (!schedule(w, r, m)) return;
      for (const resident of rng.sample(w.residents, 12)) sim.after(rng.int(2, 400) * HOUR, () => vote(w, r, resident));
      m.scripted.set(r.id, () => fundFireLane(w, r));
    });
  });
}

/** 86,000 yuan: residents' pooled money, donations, and the property company's share. */
function fundFireLane(w: World, r: RequestModel): void {
  const { sim, rng } = w;
  const fund = sim.emit('public', 'ledger.fund.opened', committeeOf(w, 'owners').memberId, {
    name: '消防通道拓宽专项（众筹）',
    kind: 'pooled',
  }).id;
  w.available.set(fund, 0);
  let raised = 0;
  const pooled = rng.sample(w.residents, Math.min(40, w.residents.length));
  pooled.forEach((resident, i) => {
    const yuan = rng.pick([200, 300, 500, 500, 1000]);
    raised += yuan;
    sim.after((i + 1) * 2 * HOUR, () => income(w, fund, 'pooled', yuan, resident.name));
  });
  for (const [i, donor] of ['张记超市', '顺丰快递站'].entries()) {
    raised += 3000;
    sim.after((pooled.length + i + 2) * 2 * HOUR, () => income(w, fund, 'donation', 3000, donor));
  }
  const total = 86_000;
  sim.after((pooled.length + 6) * 2 * HOUR, () => {
    income(w, fund, 'property', total - raised, '物业公司');
    spend(w, fund, total, '市政道路工程公司', '东门消防通道拓宽工程', r.id, () =>
      sim.after(DAY, () => carryOut(w, r, 'owners', 40, '消防通道拓宽到六米，划了禁停黄线。')),
    );
  });
}

function riceAndOil(w: World, day: number): void {
  const { sim } = w;
  const volunteer = w.volunteers[0];
  if (!volunteer) return;
  sim.at(sim.dayTime(day, 10), () => {
    while ((w.balances.get(volunteer.memberId) ?? 0) < 220)
      awardPoints(w, volunteer.memberId, 'helping', '帮独居老人买菜取药');
    for (const name of ['大米 5公斤', '食用油 5升']) {
      const goods = w.goods.find((g) => g.name === name);
      const balance = w.balances.get(volunteer.memberId) ?? 0;
      if (!goods || goods.stock < 1 || balance < goods.price) continue;
      sim.emit('public', 'points.redeemed', committeeOf(w, 'community').memberId, {
        memberId: volunteer.memberId,
        goodsId: goods.id,
        quantity: 1,
      });
      w.balances.set(volunteer.memberId, balance - goods.price);
      goods.stock -= 1;
    }
  });
}
