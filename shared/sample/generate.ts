import type { AppEvent } from '../events/index.ts';
import type { Party } from '../roles.ts';
import { shanghaiDay, shanghaiDayStart } from '../time.ts';
import { planRequests } from './agendaFlow.ts';
import { planBacklog } from './backlogFlow.ts';
import { planCare } from './careFlow.ts';
import { planExpenses, planIncome, setUpLedger } from './ledgerFlow.ts';
import { planMeetings, planUpcoming } from './meetingFlow.ts';
import { Prng } from './Prng.ts';
import type { SampleImages } from './pictures.ts';
import { planSupermarket, setUpPoints } from './pointsFlow.ts';
import { planListings, registerProfiles } from './practiceFlow.ts';
import { planDuties, setUpTeams } from './rosterFlow.ts';
import { DAY, HOUR, Sim } from './Sim.ts';
import { planStories } from './stories.ts';
import { givenNames, partnerContacts, partnerUnits, surnames } from './vocabulary.ts';
import type { SampleMember, World } from './World.ts';
import { scales } from './World.ts';

export type { SampleImages, Scene } from './pictures.ts';
export type { SampleMember } from './World.ts';

export interface GenerateOptions {
  seed: number;
  /** 'demo': half a year, ~40 members; 'five-years': ~5,000 requests, 300 meetings, ~320 members. */
  scale: 'demo' | 'five-years';
  /** The admin (community party) the compound was created by; a generated id if absent. */
  founderId?: string;
  founderName?: string;
  /** Ids to give the other members, in order (committee first); generated ids for the rest. */
  memberIds?: readonly string[];
  /** The first day, ms at an Asia/Shanghai midnight; defaults to a fixed day per scale. */
  start?: number;
  /**
   * Any time on the day after the last simulated day, e.g. the server's now: the sample stops at
   * that day's Asia/Shanghai midnight, so one day and seed give one compound. Ignored with `start`.
   */
  end?: number;
  /** Hashes of images that exist, referenced instead of made-up ones wherever the sample has a picture. */
  images?: SampleImages;
}

export interface SampleCompound {
  members: SampleMember[];
  /** The `public` document's event log. */
  publicEvents: AppEvent[];
  /** The `committee` document's event log (care visits). */
  committeeEvents: AppEvent[];
  /** The `needs` document's event log (the needs board). */
  needsEvents: AppEvent[];
  /** Each held meeting's `minutes-<meetingId>` event log. */
  minutes: Record<string, AppEvent[]>;
}

/**
 * A realistic compound's event logs, deterministic from the seed: every event passes `checkEvent`
 * for its author in its document, and the folds find next to no anomalies in them.
 */
export function generateCompound(options: GenerateOptions): SampleCompound {
  const scale = scales[options.scale];
  const rng = new Prng(options.seed);
  const start = options.start ?? startOf(options);
  const sim = new Sim(rng, start, start + scale.days * DAY, `s${options.seed.toString(36)}-`);
  const members = makeMembers(rng, scale.members, options);
  const w = makeWorld(sim, rng, options.scale, members, options.images);
  sim.at(start + 6 * HOUR, () => {
    setUpLedger(w);
    setUpPoints(w);
    setUpTeams(w);
  });
  registerProfiles(w);
  planMeetings(w);
  planStories(w);
  planRequests(w);
  planDuties(w);
  planSupermarket(w);
  planIncome(w);
  planExpenses(w);
  planCare(w);
  planListings(w);
  planUpcoming(w);
  planBacklog(w);
  sim.run();
  return {
    members: [...members, ...w.partnerMembers],
    publicEvents: sim.publicEvents,
    committeeEvents: sim.committeeEvents,
    needsEvents: sim.needsEvents,
    minutes: sim.minutes,
  };
}

function startOf(o: GenerateOptions): number {
  const days = scales[o.scale].days;
  if (o.end !== undefined) return shanghaiDayStart(shanghaiDay(o.end)) - days * DAY;
  return shanghaiDayStart(o.scale === 'demo' ? '2024-03-04' : '2020-01-06');
}

const committeeSizes: [Party, number][] = [
  ['community', 2],
  ['owners', 3],
  ['property', 3],
];

function makeMembers(rng: Prng, count: number, o: GenerateOptions): SampleMember[] {
  const ids = [...(o.memberIds ?? [])];
  let n = 0;
  const nextId = () => ids.shift() ?? `m${o.seed.toString(36)}-${(n++).toString(36)}`;
  const names = new Set<string>(['王秀英', '李建国']);
  while (names.size < count + 20) names.add(`${rng.pick(surnames)}${rng.pick(givenNames)}`);
  const pool = [...names].filter((name) => name !== (o.founderName ?? '张建华'));
  const members: SampleMember[] = [
    { memberId: o.founderId ?? nextId(), name: o.founderName ?? '张建华', role: 'admin', party: 'community' },
  ];
  for (const [party, size] of committeeSizes)
    for (let i = 0; i < size; i++)
      members.push({ memberId: nextId(), name: pool.splice(2, 1)[0] as string, role: 'committee', party });
  while (members.length < count)
    members.push({ memberId: nextId(), name: pool.shift() as string, role: 'resident', party: 'none' });
  return members;
}

function makeWorld(
  sim: Sim,
  rng: Prng,
  scaleName: GenerateOptions['scale'],
  members: SampleMember[],
  images: SampleImages | undefined,
): World {
  const scale = scales[scaleName];
  const committee: Record<Party, SampleMember[]> = { community: [], owners: [], property: [] };
  for (const m of members) if (m.party !== 'none') committee[m.party].push(m);
  const residents = members.filter((m) => m.role === 'resident');
  const buildingOf = new Map<string, number>();
  for (const [i, m] of residents.entries()) buildingOf.set(m.memberId, (i % scale.buildings) + 1);
  const leads = new Map<number, SampleMember>();
  for (const m of residents) {
    const b = buildingOf.get(m.memberId) as number;
    if (!leads.has(b) && m.name !== '王秀英' && m.name !== '李建国') leads.set(b, m);
  }
  const others = residents.filter((m) => ![...leads.values()].includes(m));
  const small = scaleName === 'demo';
  return {
    sim,
    rng,
    scale,
    members,
    founder: members[0] as SampleMember,
    committee,
    residents,
    volunteers: others.filter((_, i) => i % 6 === 0),
    buildingOf,
    leads,
    reporters: others.slice(-(small ? 4 : 7)),
    partners: others.slice(-(small ? 6 : 10), -(small ? 4 : 7)),
    partnerMembers: partnerUnits.map((unit, i) => ({
      memberId: `u${sim.idPrefix}${i}`,
      name: partnerContacts[i % partnerContacts.length] as string,
      role: 'partner',
      party: 'none',
      unit,
    })),
    requests: new Map(),
    upcoming: [],
    rules: { volunteer: '', tidy: '', helping: '', snapshot: '', meeting: '', flyingWire: '' },
    balances: new Map(),
    goods: [],
    funds: { shared: '' },
    available: new Map(),
    teams: { elders: '', patrol: '', repair: '', errands: '' },
    images,
  };
}
