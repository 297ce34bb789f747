import { careEvents } from '../events/care.ts';
import { gridEvents } from '../events/grid.ts';
import type { AppEvent } from '../events/index.ts';
import { ledgerEvents } from '../events/ledger.ts';
import { meetingEvents } from '../events/meeting.ts';
import { memberEvents } from '../events/member.ts';
import { pointsEvents } from '../events/points.ts';
import { practiceEvents } from '../events/practice.ts';
import { requestEvents } from '../events/request.ts';
import { rosterEvents } from '../events/roster.ts';
import { unitEvents } from '../events/unit.ts';
import type { Aggregates } from './Aggregates.ts';
import { agendaModule } from './agenda.ts';
import type { CompoundState } from './CompoundState.ts';
import { careModule } from './care.ts';
import { dutyContributions } from './dutyHours.ts';
import type { Contribution, FoldModule } from './FoldContext.ts';
import type { PostDraft } from './grid.ts';
import { gridModule, publishPost } from './grid.ts';
import type { ExpenseState, FundDraft, IncomeState } from './ledger.ts';
import { expenseContributions, incomeContributions, ledgerModule, monthTotals } from './ledger.ts';
import type { TiersDraft } from './ledgerTiers.ts';
import { meetingsModule } from './meetings.ts';
import { membersModule } from './members.ts';
import type { GoodsDraft, PointsAccount, ThanksWallSetting } from './points.ts';
import { accountContributions, pointsModule } from './points.ts';
import { practiceModule } from './practice.ts';
import type { DutyState } from './rosters.ts';
import { rostersModule } from './rosters.ts';
import type { UnitDraft } from './units.ts';
import { unitsModule } from './units.ts';

/** The module folding each event type (minutes events are folded per meeting by foldMinutes). */
export const moduleOf = new Map<string, FoldModule<AppEvent>>();
for (const [events, module] of [
  [requestEvents, agendaModule],
  [rosterEvents, rostersModule],
  [careEvents, careModule],
  [unitEvents, unitsModule],
  [pointsEvents, pointsModule],
  [ledgerEvents, ledgerModule],
  [practiceEvents, practiceModule],
  [gridEvents, gridModule],
  [meetingEvents, meetingsModule],
  [memberEvents, membersModule],
] as const) {
  for (const schema of events) moduleOf.set(schema.entries.type.literal, module as FoldModule<AppEvent>);
}

/** Where an entity kind lives in the state, and what it adds to running totals. */
export interface EntityKind {
  publish(state: CompoundState, id: string, value: object | undefined, aggs: Aggregates): void;
  contribute?(draft: object): Contribution[];
}

function into<T>(pick: (s: CompoundState) => Record<string, T>): EntityKind['publish'] {
  return (state, id, value) => {
    const record = pick(state);
    if (value) record[id] = value as T;
    else delete record[id];
  };
}

/** Entity kinds by key prefix (`req:<id>` is a request...). `e:` keys only link corrections to targets. */
export const entityKinds: Record<string, EntityKind> = {
  req: { publish: into((s) => s.agenda.requests) },
  team: { publish: into((s) => s.rosters.teams) },
  duty: { publish: into((s) => s.rosters.duties), contribute: (d) => dutyContributions(d as DutyState) },
  hh: { publish: into((s) => s.care.households) },
  unit: {
    // A removed address stays a draft (its removal still wins over older registrations) but leaves the register.
    publish: (state, id, value) => {
      const draft = value as UnitDraft | undefined;
      if (!draft || draft.removed) return void delete state.units.units[id];
      const { removed: _, ...unit } = draft;
      state.units.units[id] = unit;
    },
  },
  rule: { publish: into((s) => s.points.rules) },
  acct: { publish: into((s) => s.points.accounts), contribute: (d) => accountContributions(d as PointsAccount) },
  goods: {
    publish: (state, id, value, aggs) => {
      if (!value) return void delete state.points.goods[id];
      const redeemed = aggs.sum('redeemed', id);
      const goods = value as GoodsDraft;
      state.points.goods[id] = { ...goods, redeemed, stock: goods.supplied - redeemed };
    },
  },
  wall: {
    publish: (state, _id, value) => {
      state.points.thanksWall = (value as ThanksWallSetting | undefined) ?? null;
    },
  },
  fund: {
    publish: (state, id, value, aggs) => {
      if (value) state.ledger.funds[id] = { ...(value as FundDraft), balance: aggs.sum('balance', id) };
      else delete state.ledger.funds[id];
    },
  },
  inc: { publish: into((s) => s.ledger.incomes), contribute: (d) => incomeContributions(d as IncomeState) },
  exp: { publish: into((s) => s.ledger.expenses), contribute: (d) => expenseContributions(d as ExpenseState) },
  tiers: {
    publish: (state, _id, value) => {
      state.ledger.tiers = (value as TiersDraft | undefined)?.list ?? [];
    },
  },
  mtg: { publish: into((s) => s.meetings.meetings) },
  prof: { publish: into((s) => s.practice.profiles) },
  lst: { publish: into((s) => s.practice.listings) },
  gpost: {
    publish: (state, id, value) => {
      if (value) state.grid.posts[id] = publishPost(value as PostDraft);
      else delete state.grid.posts[id];
    },
  },
  mem: { publish: into((s) => s.members) },
  e: { publish: () => {} },
};

/**
 * Publishes running totals that changed. Returns entity keys to publish again because they
 * show a total (a fund shows its balance).
 */
export function publishTotals(state: CompoundState, aggs: Aggregates): string[] {
  const republish: string[] = [];
  for (const [group, fields] of aggs.takeChanged()) {
    if (group === 'minutes') {
      for (const memberId of fields) {
        if (aggs.has(group, memberId)) state.rosters.minutesByMember[memberId] = aggs.sum(group, memberId);
        else delete state.rosters.minutesByMember[memberId];
      }
    } else if (group === 'balance') {
      for (const fundId of fields) republish.push(`fund:${fundId}`);
    } else if (group === 'redeemed') {
      for (const goodsId of fields) republish.push(`goods:${goodsId}`);
    } else if (group.startsWith('month:')) {
      const totals = aggs.fields(group);
      const month = group.slice('month:'.length);
      if (totals.size) state.ledger.monthly[month] = monthTotals(totals);
      else delete state.ledger.monthly[month];
    }
  }
  return republish;
}
