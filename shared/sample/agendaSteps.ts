import type { Tally } from '../events/envelope.ts';
import type { Category, Outcome, Priority } from '../events/request.ts';
import type { Party } from '../roles.ts';
import { shanghaiDay } from '../time.ts';
import { paperRef, photoRefs } from './pictures.ts';
import { DAY } from './Sim.ts';
import { requestTopics } from './vocabulary.ts';
import type { MeetingModel, RequestModel, SampleMember, World } from './World.ts';
import { anyCommittee, committeeOf } from './World.ts';

/** Options for a request a story raises with its own words. */
export interface RaiseOptions {
  category?: Category;
  title?: string;
  detail?: string;
  building?: number;
  big?: boolean;
  meetingId?: string;
  raisedFor?: string;
  photos?: number;
}

/** Step 1: a member raises a request (a building lead may write it down for a neighbour). */
export function raise(w: World, by: SampleMember, o: RaiseOptions = {}): RequestModel {
  const { rng } = w;
  const category = o.category ?? rng.pick(Object.keys(requestTopics) as Category[]);
  const [title, detail] = o.title ? [o.title, o.detail ?? ''] : rng.pick(requestTopics[category]);
  const building = o.building ?? w.buildingOf.get(by.memberId) ?? rng.int(1, w.scale.buildings);
  const unit = rng.int(1, 4);
  const photos = photoRefs(w, o.photos ?? (rng.chance(0.4) ? rng.int(1, 3) : 0), category);
  const e = w.sim.emit('public', 'request.raised', by.memberId, {
    title,
    category,
    ...(detail ? { detail } : {}),
    location: `${building}号楼${unit}单元`,
    ...(photos.length ? { photos } : {}),
    building: `${building}号楼`,
    ...(o.meetingId ? { meetingId: o.meetingId } : {}),
    ...(o.raisedFor ? { raisedFor: o.raisedFor } : {}),
  });
  const r: RequestModel = {
    id: e.id,
    stage: 'raised',
    raisedBy: by.memberId,
    category,
    building,
    big: o.big ?? rng.chance(0.3),
    deferred: false,
    reopened: false,
    rated: new Set(),
  };
  w.requests.set(r.id, r);
  return r;
}

export function classify(w: World, r: RequestModel, priority?: Priority): boolean {
  if (r.stage !== 'raised') return false;
  const p = priority ?? w.rng.pick<Priority>(['low', 'normal', 'normal', 'normal', 'high', 'urgent']);
  w.sim.emit('public', 'request.classified', anyCommittee(w).memberId, {
    requestId: r.id,
    category: r.category,
    priority: p,
  });
  r.stage = 'classified';
  return true;
}

export function schedule(w: World, r: RequestModel, m: MeetingModel): boolean {
  if (r.stage !== 'classified' && r.stage !== 'scheduled') return false;
  w.sim.emit('public', 'request.scheduled', committeeOf(w, 'community').memberId, {
    requestId: r.id,
    meetingId: m.meetingId,
  });
  r.stage = 'scheduled';
  m.requests.push(r.id);
  return true;
}

export function vote(w: World, r: RequestModel, by: SampleMember): boolean {
  if (r.stage !== 'classified' && r.stage !== 'scheduled') return false;
  const choice = w.rng.chance(0.78) ? 'for' : w.rng.chance(0.6) ? 'against' : 'abstain';
  w.sim.emit('public', 'request.voted', by.memberId, { requestId: r.id, choice });
  return true;
}

/** Step 3: the decision; approved moves on, rejected ends, deferred goes back to deliberation. */
export function decide(w: World, r: RequestModel, outcome: Outcome, by: SampleMember, tally?: Tally): boolean {
  if (r.stage !== 'classified' && r.stage !== 'scheduled') return false;
  const note =
    outcome === 'approved'
      ? '同意办理。'
      : outcome === 'rejected'
        ? '条件不具备，暂不办理。'
        : '需要进一步了解情况，下次再议。';
  w.sim.emit('public', 'request.decided', by.memberId, { requestId: r.id, outcome, note, ...(tally ? { tally } : {}) });
  r.stage = outcome === 'approved' ? 'decided' : outcome === 'rejected' ? 'ended' : 'classified';
  if (outcome === 'deferred') r.deferred = true;
  return true;
}

const decidedStages = new Set<RequestModel['stage']>(['decided', 'assigned', 'completed', 'reopened']);

/** 签字确认: a resident confirms in the app, or a recorder photographs the signed sheet. */
export function confirm(w: World, r: RequestModel, by: SampleMember, onPaper: string[] | null): boolean {
  if (!decidedStages.has(r.stage)) return false;
  w.sim.emit('public', 'request.confirmed', by.memberId, {
    requestId: r.id,
    ...(onPaper ? { onPaper: { names: onPaper, photos: [paperRef(w)] } } : {}),
  });
  return true;
}

/** Step 4: an owner party and a deadline day; returns the deadline time. */
export function assign(w: World, r: RequestModel, party: Party, days: number): number | undefined {
  if (r.stage !== 'decided' && r.stage !== 'assigned' && r.stage !== 'reopened') return undefined;
  const deadline = w.sim.now + days * DAY;
  w.sim.emit('public', 'request.assigned', anyCommittee(w).memberId, {
    requestId: r.id,
    owner: { party },
    deadline: shanghaiDay(deadline),
  });
  r.stage = 'assigned';
  return deadline;
}

export function progress(w: World, r: RequestModel, party: Party, note: string): boolean {
  if (r.stage !== 'assigned' && r.stage !== 'reopened') return false;
  w.sim.emit('public', 'request.progressed', committeeOf(w, party).memberId, { requestId: r.id, note });
  return true;
}

/** 吹哨报到: the community calls in a department; returns the escalation's id. */
export function escalate(w: World, r: RequestModel, department: string): string | undefined {
  if (!['raised', 'classified', 'scheduled', 'decided', 'assigned', 'reopened'].includes(r.stage)) return undefined;
  return w.sim.emit('public', 'request.escalated', committeeOf(w, 'community').memberId, {
    requestId: r.id,
    to: 'department',
    department,
    note: `请${department}协调解决。`,
  }).id;
}

export function answer(w: World, r: RequestModel, escalationId: string, text: string): boolean {
  if (r.stage === 'ended') return false;
  w.sim.emit('public', 'request.answered', committeeOf(w, 'community').memberId, {
    requestId: r.id,
    escalationId,
    answer: text,
  });
  return true;
}

/** Step 5: the result is reported with photos, opening a new round of ratings. */
export function complete(w: World, r: RequestModel, party: Party, result: string): boolean {
  if (r.stage !== 'assigned' && r.stage !== 'reopened') return false;
  w.sim.emit('public', 'request.completed', committeeOf(w, party).memberId, {
    requestId: r.id,
    result,
    photos: photoRefs(w, 1, r.category),
  });
  r.stage = 'completed';
  r.rated = new Set();
  return true;
}

/** A resident rates the current completion; an unhappy rating reopens it (the fold does the same). */
export function rate(w: World, r: RequestModel, by: SampleMember, happy: boolean): boolean {
  if (r.stage !== 'completed' && r.stage !== 'reopened') return false;
  const stars = happy ? w.rng.int(4, 5) : w.rng.int(1, 2);
  w.sim.emit('public', 'request.rated', by.memberId, {
    requestId: r.id,
    stars,
    solved: happy,
    ...(happy ? {} : { comment: '问题没有解决，还是老样子。' }),
  });
  r.rated.add(by.memberId);
  if (!happy && r.stage === 'completed') {
    r.stage = 'reopened';
    r.reopened = true;
  }
  return true;
}

export function withdraw(w: World, r: RequestModel): boolean {
  if (r.stage !== 'raised' && r.stage !== 'classified') return false;
  w.sim.emit('public', 'request.withdrawn', r.raisedBy, { requestId: r.id, reason: '问题已经自行解决了。' });
  r.stage = 'ended';
  return true;
}

export function merge(w: World, dup: RequestModel, into: RequestModel): boolean {
  if (!['raised', 'classified', 'scheduled'].includes(dup.stage) || into.stage === 'ended' || dup === into)
    return false;
  w.sim.emit('public', 'request.merged', anyCommittee(w).memberId, { requestId: dup.id, intoId: into.id });
  dup.stage = 'ended';
  return true;
}
