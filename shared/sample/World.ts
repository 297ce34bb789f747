import type { Category } from '../events/request.ts';
import type { MemberParty, Party, Role } from '../roles.ts';
import type { Prng } from './Prng.ts';
import type { SampleImages } from './pictures.ts';
import type { Sim } from './Sim.ts';

/** A generated member, as the server would have them. */
export interface SampleMember {
  memberId: string;
  name: string;
  role: Role;
  party: MemberParty;
  /** A partner's unit (共建单位). */
  unit?: string;
}

/** What the generator knows of a request, so every event it writes is one the fold accepts. */
export interface RequestModel {
  id: string;
  stage: 'raised' | 'classified' | 'scheduled' | 'decided' | 'assigned' | 'completed' | 'reopened' | 'ended';
  raisedBy: string;
  category: Category;
  building: number;
  big: boolean;
  deferred: boolean;
  reopened: boolean;
  /** Someone rated the current completion. */
  rated: Set<string>;
}

export interface MeetingModel {
  meetingId: string;
  kind: 'little-stool' | 'council' | 'three-party' | 'owners-assembly';
  startsAt: number;
  place: string;
  building: number | null;
  requests: string[];
  /** Stories' requests: approved at the meeting, then the story carries on. */
  scripted: Map<string, () => void>;
}

export interface GoodsModel {
  id: string;
  name: string;
  price: number;
  stock: number;
}

/** The generated compound while it is being simulated. */
export interface World {
  sim: Sim;
  rng: Prng;
  scale: Scale;
  members: SampleMember[];
  founder: SampleMember;
  committee: Record<Party, SampleMember[]>;
  residents: SampleMember[];
  volunteers: SampleMember[];
  buildingOf: Map<string, number>;
  leads: Map<number, SampleMember>;
  reporters: SampleMember[];
  partners: SampleMember[];
  /** One `partner` member per partner unit: they claim and deliver on the needs board. */
  partnerMembers: SampleMember[];
  requests: Map<string, RequestModel>;
  /** Announced meetings still to come, by start time. */
  upcoming: MeetingModel[];
  rules: Record<'volunteer' | 'tidy' | 'helping' | 'snapshot' | 'meeting' | 'flyingWire', string>;
  balances: Map<string, number>;
  goods: GoodsModel[];
  funds: { shared: string };
  /** Money in a fund not yet spent or promised, in fen. */
  available: Map<string, number>;
  teams: Record<'elders' | 'patrol' | 'repair' | 'errands', string>;
  /** Images that exist; without them pictures are made-up hashes. */
  images: SampleImages | undefined;
}

/** Sizes of a generated compound. */
export interface Scale {
  days: number;
  members: number;
  buildings: number;
  requestsPerDay: number;
  /** At most this many requests raised from the floor at a meeting. */
  meetingTopics: number;
  dutiesPerWeek: number;
  expensesPerWeek: number;
  households: number;
}

export const scales: Record<'demo' | 'five-years', Scale> = {
  demo: {
    days: 183,
    members: 40,
    buildings: 6,
    requestsPerDay: 0.3,
    meetingTopics: 4,
    dutiesPerWeek: 3,
    expensesPerWeek: 1,
    households: 6,
  },
  'five-years': {
    days: 1827,
    members: 320,
    buildings: 18,
    requestsPerDay: 2.65,
    meetingTopics: 0,
    dutiesPerWeek: 6,
    expensesPerWeek: 5,
    households: 24,
  },
};

/** Anyone of a party's committee (admins included). */
export function committeeOf(world: World, party: Party): SampleMember {
  return world.rng.pick(world.committee[party]);
}

/** Any committee member at all. */
export function anyCommittee(world: World): SampleMember {
  return world.rng.pick([...world.committee.community, ...world.committee.owners, ...world.committee.property]);
}

/** Which party owns work of a category by default. */
export function ownerParty(category: Category): Party {
  switch (category) {
    case 'property':
    case 'greenery':
    case 'lighting':
    case 'elevator':
    case 'roads':
      return 'property';
    case 'parking':
    case 'fire-lane':
    case 'ev-charging':
      return 'owners';
    default:
      return 'community';
  }
}
