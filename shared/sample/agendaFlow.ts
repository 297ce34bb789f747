import type { Party } from '../roles.ts';
import {
  answer,
  assign,
  classify,
  complete,
  confirm,
  decide,
  escalate,
  merge,
  progress,
  raise,
  rate,
  schedule,
  vote,
  withdraw,
} from './agendaSteps.ts';
import { awardPoints } from './pointsFlow.ts';
import { DAY, HOUR } from './Sim.ts';
import { departments } from './vocabulary.ts';
import type { MeetingModel, RequestModel, SampleMember, World } from './World.ts';
import { anyCommittee, committeeOf, ownerParty } from './World.ts';

/** Raises requests every day, each following the six-step loop on its own clock. */
export function planRequests(w: World): void {
  for (let day = 0; day < w.scale.days; day++) {
    let n = Math.floor(w.scale.requestsPerDay);
    if (w.rng.chance(w.scale.requestsPerDay - n)) n += 1;
    for (let i = 0; i < n; i++) w.sim.at(w.sim.dayTime(day, 7, 14 * 60), () => raiseSomething(w));
  }
}

function raiseSomething(w: World): void {
  const { rng } = w;
  if (w.reporters.length && rng.chance(0.12)) {
    // 随手拍: a grid worker or delivery rider reports with a photo and earns points.
    const reporter = rng.pick(w.reporters);
    const r = raise(w, reporter, { photos: 1, big: false });
    w.sim.after(rng.int(2, 30) * HOUR, () =>
      awardPoints(w, reporter.memberId, 'snapshot', '随手拍上报问题', { requestId: r.id }),
    );
    follow(w, r);
    return;
  }
  const lead = rng.chance(0.1) ? rng.pick([...w.leads.values()]) : undefined;
  const by = lead ?? rng.pick(w.residents);
  const r = raise(w, by, lead ? { raisedFor: `${rng.pick(['张', '王', '李', '刘'])}大爷` } : {});
  follow(w, r);
}

/** Takes a raised request through the loop with realistic delays and detours. */
export function follow(w: World, r: RequestModel): void {
  const { rng, sim } = w;
  sim.after(rng.int(12, 72) * HOUR, () => {
    if (r.stage !== 'raised') return;
    if (rng.chance(0.04)) return void withdraw(w, r);
    if (rng.chance(0.08)) {
      const into = [...recentOpen(w)].find((x) => x.category === r.category && x.id !== r.id);
      if (into && merge(w, r, into)) return;
    }
    classify(w, r);
    deliberate(w, r);
  });
}

function* recentOpen(w: World): Generator<RequestModel> {
  let seen = 0;
  const all = [...w.requests.values()];
  for (let i = all.length - 1; i >= 0 && seen < 60; i--, seen++) {
    const x = all[i] as RequestModel;
    if (x.stage === 'classified' || x.stage === 'decided' || x.stage === 'assigned') yield x;
  }
}

/** Big requests go to the next meeting (with votes beforehand); small ones are decided by the committee. */
export function deliberate(w: World, r: RequestModel): void {
  const { rng, sim } = w;
  const meeting = r.big
    ? w.upcoming.find((m) => m.startsAt > sim.now + 2 * DAY && m.kind !== 'owners-assembly')
    : undefined;
  if (meeting && schedule(w, r, meeting)) {
    const voters = rng.sample(w.residents, rng.int(2, 9));
    for (const voter of voters) sim.at(rng.int(sim.now + HOUR, meeting.startsAt - HOUR), () => vote(w, r, voter));
    return;
  }
  sim.after(rng.int(2, 7) * DAY, () => {
    if (decide(w, r, rng.chance(0.93) ? 'approved' : 'rejected', anyCommittee(w))) afterDecision(w, r);
  });
}

/** Holds a meeting: minutes with attendance and sign-offs, and decisions on the requests scheduled for it. */
export function afterDecision(w: World, r: RequestModel, party: Party = ownerParty(r.category)): void {
  const { rng, sim } = w;
  if (r.stage === 'classified') return void sim.after(rng.int(3, 10) * DAY, () => deliberate(w, r));
  if (r.stage !== 'decided') return;
  if (r.big) {
    for (const resident of rng.sample(w.residents, rng.int(1, 4)))
      sim.after(rng.int(1, 72) * HOUR, () => confirm(w, r, resident, null));
    if (rng.chance(0.3)) {
      const names = rng.sample(w.residents, rng.int(3, 12)).map((m) => m.name);
      sim.after(rng.int(2, 48) * HOUR, () => confirm(w, r, committeeOf(w, 'community'), names));
    }
  }
  sim.after(rng.int(12, 60) * HOUR, () => work(w, r, party));
}

/** Steps 4 and 5: assignment, progress, perhaps an escalation, then the result. */
export function work(w: World, r: RequestModel, party: Party, days = w.rng.int(7, 45)): void {
  const { rng, sim } = w;
  const deadline = assign(w, r, party, days);
  if (deadline === undefined) return;
  const span = deadline - sim.now;
  if (rng.chance(0.35)) sim.after(span * 0.4, () => progress(w, r, party, '已安排人员，正在处理中。'));
  if (rng.chance(0.07)) {
    sim.after(span * 0.2, () => {
      const department = rng.pick(departments);
      const id = escalate(w, r, department);
      if (id) sim.after(rng.int(3, 15) * DAY, () => answer(w, r, id, `${department}已到现场查看，同意协助处理。`));
    });
  }
  const late = rng.chance(0.08);
  sim.after(span * (late ? rng.int(110, 150) / 100 : rng.int(30, 95) / 100), () => {
    if (complete(w, r, party, '已处理完毕，请居民查看。')) ratings(w, r, party);
  });
}

/** Residents rate; one in ten first results disappoints and is reopened, then redone. */
function ratings(w: World, r: RequestModel, party: Party): void {
  const { rng, sim } = w;
  const unhappy = !r.reopened && rng.chance(0.1);
  const raters = rng.sample(w.residents, rng.int(1, 4));
  raters.forEach((rater, i) => {
    sim.after(rng.int(4, 96) * HOUR + i * HOUR, () => {
      if (r.stage !== 'completed' || r.rated.has(rater.memberId)) return;
      const disappointed = unhappy && r.rated.size === 0;
      rate(w, r, rater, !disappointed);
      if (disappointed) sim.after(rng.int(2, 6) * DAY, () => work(w, r, party, rng.int(5, 20)));
    });
  });
}

/** Holds a meeting at its time: sign-in, items, decisions, action items, sign-off. */
export function holdMeeting(w: World, m: MeetingModel): void {
  const { rng, sim } = w;
  w.upcoming = w.upcoming.filter((x) => x !== m);
  const target = { minutes: m.meetingId };
  const recorder = committeeOf(w, 'community');
  const present: Party[] =
    m.kind === 'three-party' || m.kind === 'owners-assembly'
      ? ['community', 'owners', 'property']
      : m.kind === 'council'
        ? rng.chance(0.5)
          ? ['community', 'owners', 'property']
          : ['community', 'owners']
        : rng.chance(0.4)
          ? ['community', 'owners']
          : ['community'];
  const signers = new Map<Party, SampleMember>();
  for (const party of present) {
    const rep = party === 'community' ? recorder : committeeOf(w, party);
    signers.set(party, rep);
    sim.emit(target, 'minutes.signed-in', recorder.memberId, { attendee: { memberId: rep.memberId, party } });
  }
  const residents = rng.sample(w.residents, m.kind === 'owners-assembly' ? rng.int(20, 40) : rng.int(3, 12));
  for (const resident of residents) {
    sim.emit(target, 'minutes.signed-in', recorder.memberId, {
      attendee: { memberId: resident.memberId, party: 'none' },
    });
  }
  if (rng.chance(0.2))
    sim.emit(target, 'minutes.signed-in', recorder.memberId, { attendee: { name: '街道办 周主任', party: 'none' } });
  // Residents speak up from the floor and the recorder writes it down as they go.
  const spoken = m.kind !== 'owners-assembly' && w.scale.meetingTopics > 0 ? rng.int(0, w.scale.meetingTopics) : 0;
  const building = m.building ?? undefined;
  for (const speaker of residents.slice(0, spoken))
    follow(w, raise(w, recorder, { meetingId: m.meetingId, raisedFor: speaker.name, big: false, building }));
  for (const id of m.requests) {
    const r = w.requests.get(id);
    if (r?.stage !== 'scheduled') continue;
    const script = m.scripted.get(r.id);
    const outcome = script
      ? 'approved'
      : r.deferred || !rng.chance(0.12)
        ? rng.chance(0.92)
          ? 'approved'
          : 'rejected'
        : 'deferred';
    const n = residents.length + present.length;
    const against = outcome === 'approved' ? rng.int(0, Math.floor(n / 4)) : rng.int(Math.ceil(n / 2), n);
    const abstain = rng.int(0, n - against);
    const tally = { for: n - against - abstain, against, abstain };
    sim.emit(target, 'minutes.item.taken-up', recorder.memberId, { requestId: r.id });
    sim.emit(target, 'minutes.decision.recorded', recorder.memberId, {
      text:
        outcome === 'approved'
          ? '表决通过，按分工办理。'
          : outcome === 'rejected'
            ? '表决未通过。'
            : '暂缓，下次再议。',
      tally,
      requestId: r.id,
    });
    decide(w, r, outcome, recorder, tally);
    if (script) script();
    else if (outcome === 'approved') {
      const party = ownerParty(r.category);
      const days = rng.int(10, 60);
      sim.emit(target, 'minutes.action.created', recorder.memberId, {
        text: '按会议决定限期办结。',
        owner: { party },
        deadline: dayAfter(sim.now, days),
        requestId: r.id,
      });
      sim.after(rng.int(12, 48) * HOUR, () => {
        if (r.stage === 'decided') afterDecision(w, r, party);
      });
    } else afterDecision(w, r);
  }
  if (m.requests.length === 0) {
    sim.emit(target, 'minutes.decision.recorded', recorder.memberId, { text: '大家同意本周末集中清理楼道杂物。' });
    sim.emit(target, 'minutes.action.created', recorder.memberId, {
      text: '组织志愿者清理楼道杂物',
      owner: { party: 'community' },
      deadline: dayAfter(sim.now, 7),
    });
  }
  for (const [party, rep] of signers) sim.emit(target, 'minutes.signed-off', rep.memberId, { party });
  if (rng.chance(0.05))
    sim.after(rng.int(1, 5) * DAY, () =>
      sim.emit(target, 'minutes.amended', recorder.memberId, { note: '更正：参会人数以签到表为准。' }),
    );
  for (const resident of residents.slice(0, 6))
    sim.after(rng.int(1, 24) * HOUR, () => awardPoints(w, resident.memberId, 'meeting', '参加议事会'));
}

function dayAfter(now: number, days: number): string {
  return new Date(now + days * DAY + 8 * HOUR).toISOString().slice(0, 10);
}
