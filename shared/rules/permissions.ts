import type { BrokenRule } from '../errors.ts';
import { RejectReason, RuleCode, RuleError } from '../errors.ts';
import { MAX_VISIT_DAYS_BACK } from '../events/care.ts';
import type { AppEvent, EventType } from '../events/index.ts';
import { parseEvent } from '../events/index.ts';
import type { Attendee } from '../events/meeting.ts';
import { maskName } from '../events/practice.ts';
import type { Owner } from '../events/request.ts';
import type { Member, Party } from '../roles.ts';
import { isCommittee, isPartner } from '../roles.ts';
import type { DocKind } from '../rooms.ts';
import { exhaustive } from '../rooms.ts';
import { addDays, shanghaiDay } from '../time.ts';

/** Who may append: any member, admins and committee members, admins only, or the server alone. */
export const whos = ['member', 'committee', 'admin', 'server'] as const;
export type Who = (typeof whos)[number];

export interface Permission<E = AppEvent> {
  /** The document kind the event belongs in. */
  doc: DocKind;
  who: Who;
  /** A payload rule, e.g. only a member of party P records P's approval; returns the rule broken. */
  check?: (event: E, member: Member) => BrokenRule | undefined;
}

type PermissionTable = { [T in EventType]: Permission<Extract<AppEvent, { type: T }>> };

/** Events a member records for themself; committee members may record them for someone else (paper sign-up). */
const selfOrCommittee = (event: { memberId: string }, member: Member): BrokenRule | undefined =>
  event.memberId === member.memberId || isCommittee(member) ? undefined : { code: RuleCode.OnlyForSelf };

/** A member signs themself in, sitting for their own party; committee members sign in anyone (assisted). */
const selfSignIn = (event: { attendee: Attendee }, member: Member): BrokenRule | undefined => {
  if (isCommittee(member)) return undefined;
  const a = event.attendee;
  return 'memberId' in a && a.memberId === member.memberId && a.party === member.party
    ? undefined
    : { code: RuleCode.OnlyForSelf };
};

/** An action item's owner marks it done: the member it names, or a member of the party; the committee for anyone. */
const ownerOrCommittee = (event: { owner: Owner }, member: Member): BrokenRule | undefined => {
  if (isCommittee(member)) return undefined;
  const o = event.owner;
  const mine = 'memberId' in o ? o.memberId === member.memberId : o.party === member.party;
  return mine ? undefined : { code: RuleCode.OnlyForSelf };
};

/** Written as the team's lead or as a committee member: only a committee member writes the latter. */
const asCommittee = (event: { as: 'lead' | 'committee' }, member: Member): BrokenRule | undefined =>
  event.as === 'committee' && !isCommittee(member) ? { code: RuleCode.CommitteeOnly } : undefined;

/** Only a member of party P records P's approval, refusal or sign-off. */
const ownParty = (event: { party: Party }, member: Member): BrokenRule | undefined =>
  event.party === member.party ? undefined : { code: RuleCode.OwnParty, party: event.party };

/** Partner units claim, each under its own name; a committee member may record a claim phoned in. */
const ownUnit = (event: { unitName: string }, member: Member): BrokenRule | undefined => {
  if (isCommittee(member)) return undefined;
  return isPartner(member) && event.unitName === member.unit ? undefined : { code: RuleCode.OwnUnit };
};

/**
 * An award whose points or occasion its author chose (记分 by hand, a correction's 改记为): an amount,
 * or a rule naming no duty, meeting or report. A suggestion confirmed names its rule and source.
 */
const byHand = (e: { amount?: number; dutyId?: string; meetingId?: string; requestId?: string }): boolean =>
  e.amount !== undefined || (e.dutyId === undefined && e.meetingId === undefined && e.requestId === undefined);

/**
 * A visit written down later (补记) was made on a day its author lived through: not after the day
 * it is written (`visit_day_ahead`), nor more than `MAX_VISIT_DAYS_BACK` days before it
 * (`visit_day_too_old`). The app's form offers no other day, so an honest phone never breaks it.
 */
export const visitDayRule = (event: { at: number; day?: string | undefined }): BrokenRule | undefined => {
  if (event.day === undefined) return undefined;
  const written = shanghaiDay(event.at);
  if (event.day > written) return { code: RuleCode.VisitDayAhead };
  return event.day < addDays(written, -MAX_VISIT_DAYS_BACK) ? { code: RuleCode.VisitDayTooOld } : undefined;
};

/**
 * The permission table: which role and party may append which event type to which document.
 * `check` sees the event and the member only, never the log: rules that need state (only the
 * raiser withdraws, paid only after three approvals) are the folds' anomalies, or the relay's
 * judgement of what the author held (no decision by someone who saw the request decided).
 */
export const permissions: PermissionTable = {
  'request.raised': { doc: 'public', who: 'member' },
  'request.edited': {
    doc: 'public',
    who: 'member',
    check: (e) =>
      [e.title, e.detail, e.location, e.photos, e.building].some((f) => f !== undefined)
        ? undefined
        : { code: RuleCode.EmptyEdit },
  },
  'request.classified': { doc: 'public', who: 'committee' },
  'request.merged': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.requestId === e.intoId ? { code: RuleCode.MergeIntoItself } : undefined),
  },
  'request.scheduled': { doc: 'public', who: 'committee' },
  'request.tallied': { doc: 'public', who: 'committee' },
  'request.voted': { doc: 'public', who: 'member' },
  'request.decided': { doc: 'public', who: 'committee' },
  'request.decision.upheld': { doc: 'public', who: 'committee' },
  'request.confirmed': {
    doc: 'public',
    who: 'member',
    check: (e, m) => (e.onPaper && !isCommittee(m) ? { code: RuleCode.PaperByRecorder } : undefined),
  },
  'request.assigned': { doc: 'public', who: 'committee' },
  'request.progressed': { doc: 'public', who: 'committee' },
  'request.escalated': {
    doc: 'public',
    who: 'committee',
    check: (e) =>
      (e.to === 'department') === (e.department !== undefined) ? undefined : { code: RuleCode.DepartmentName },
  },
  'request.answered': { doc: 'public', who: 'committee' },
  'request.completed': { doc: 'public', who: 'committee' },
  'request.rated': { doc: 'public', who: 'member' },
  'request.reopened': { doc: 'public', who: 'committee' },
  'request.withdrawn': { doc: 'public', who: 'member' },

  'roster.team.created': { doc: 'public', who: 'committee' },
  'roster.team.edited': { doc: 'public', who: 'committee' },
  'roster.duty.created': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.end > e.start ? undefined : { code: RuleCode.DutyEndsFirst }),
  },
  'roster.duty.cancelled': { doc: 'public', who: 'committee' },
  'roster.signed-up': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.withdrew': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.checked-in': { doc: 'public', who: 'member', check: selfOrCommittee },
  'roster.checked-out': { doc: 'public', who: 'member', check: selfOrCommittee },
  // That a lead leads the duty's team needs the log: the fold ignores a correction from anyone else.
  'roster.attendance.corrected': {
    doc: 'public',
    who: 'member',
    check: (e, m) =>
      asCommittee(e, m) ??
      (e.checkedOutAt <= e.checkedInAt || e.checkedOutAt - e.checkedInAt > 86_400_000
        ? { code: RuleCode.ShiftTimes }
        : undefined),
  },
  // As for a correction: the fold ignores a lead's standby (or its undoing) from anyone who never led the team.
  'roster.standby': { doc: 'public', who: 'member', check: asCommittee },
  'roster.standby.undone': { doc: 'public', who: 'member', check: asCommittee },
  'roster.duty.slots-raised': { doc: 'public', who: 'member', check: asCommittee },

  'care.household.registered': { doc: 'committee', who: 'committee' },
  'care.visit.logged': { doc: 'committee', who: 'committee', check: visitDayRule },
  'care.visitor.assigned': { doc: 'committee', who: 'committee' },
  'care.household.closed': { doc: 'committee', who: 'committee' },

  'unit.registered': { doc: 'committee', who: 'committee' },
  'unit.removed': { doc: 'committee', who: 'committee' },

  'points.rule.defined': {
    doc: 'public',
    who: 'committee',
    check: (e) => (e.points === 0 ? { code: RuleCode.RuleWorthNothing } : undefined),
  },
  'points.awarded': {
    doc: 'public',
    who: 'committee',
    check: (e, m) =>
      (e.ruleId === undefined) === (e.amount === undefined) || (e.units !== undefined && e.ruleId === undefined)
        ? { code: RuleCode.AwardRuleOrAmount }
        : e.amount === 0
          ? { code: RuleCode.AwardOfNothing }
          : e.memberId === m.memberId && byHand(e)
            ? { code: RuleCode.AwardToSelf }
            : undefined,
  },
  'points.goods.listed': { doc: 'public', who: 'committee' },
  'points.goods.restocked': { doc: 'public', who: 'committee' },
  'points.goods.counted': { doc: 'public', who: 'committee' },
  'points.redeemed': { doc: 'public', who: 'committee' },
  'points.corrected': { doc: 'public', who: 'committee' },
  'points.thanks-wall.set': { doc: 'public', who: 'committee' },

  'ledger.fund.opened': { doc: 'public', who: 'committee' },
  'ledger.income.recorded': { doc: 'public', who: 'committee' },
  'ledger.expense.proposed': { doc: 'public', who: 'committee' },
  'ledger.expense.approved': { doc: 'public', who: 'committee', check: ownParty },
  'ledger.expense.refused': { doc: 'public', who: 'committee', check: ownParty },
  'ledger.expense.paid': { doc: 'public', who: 'committee' },
  'ledger.reversed': { doc: 'public', who: 'committee' },
  'ledger.tier.set': { doc: 'public', who: 'admin' },
  'ledger.expense.assembly-linked': { doc: 'public', who: 'committee' },

  'practice.profile.registered': {
    doc: 'public',
    who: 'member',
    check: (e, m) =>
      selfOrCommittee(e, m) ?? (new Set(e.tags).size === e.tags.length ? undefined : { code: RuleCode.TagTwice }),
  },
  'practice.published': {
    doc: 'needs',
    who: 'committee',
    check: (e) =>
      (e.requestId === undefined) === (e.wish === undefined)
        ? { code: RuleCode.RequestOrWish }
        : e.wish?.forName !== undefined && e.wish.forName !== maskName(e.wish.forName)
          ? { code: RuleCode.NameNotMasked }
          : undefined,
  },
  'practice.claimed': { doc: 'needs', who: 'member', check: ownUnit },
  'practice.reported': { doc: 'needs', who: 'member' },
  'practice.accepted': { doc: 'needs', who: 'committee' },

  'grid.building-lead.named': { doc: 'public', who: 'committee' },
  'grid.neighbour-lead.named': { doc: 'public', who: 'committee' },
  'grid.lead.ended': { doc: 'public', who: 'committee' },

  'meeting.scheduled': { doc: 'public', who: 'committee' },
  'meeting.cancelled': { doc: 'public', who: 'committee' },
  'meeting.topics.ordered': { doc: 'public', who: 'committee' },

  'minutes.signed-in': { doc: 'minutes', who: 'member', check: selfSignIn },
  'minutes.item.taken-up': { doc: 'minutes', who: 'committee' },
  'minutes.decision.recorded': { doc: 'minutes', who: 'committee' },
  'minutes.decision.upheld': { doc: 'minutes', who: 'committee' },
  'minutes.action.created': { doc: 'minutes', who: 'committee' },
  'minutes.action.done': { doc: 'minutes', who: 'member', check: ownerOrCommittee },
  'minutes.signed-off': { doc: 'minutes', who: 'committee', check: ownParty },
  'minutes.amended': { doc: 'minutes', who: 'committee' },

  'member.joined': { doc: 'members', who: 'server' },
  'member.revoked': { doc: 'members', who: 'server' },
  'member.role-changed': { doc: 'members', who: 'server' },
};

function whoAllows(who: Who, member: Member): boolean {
  switch (who) {
    case 'member':
      return true;
    case 'committee':
      return isCommittee(member);
    case 'admin':
      return member.role === 'admin';
    case 'server':
      return false;
    default:
      return exhaustive(who);
  }
}

/**
 * Checks one event a member wants to append to a document of `kind`.
 * Throws a RuleError with the reason if it is refused; returns the parsed event otherwise.
 * Used by the relay on every inserted event and by the client before writing.
 */
export function checkEvent(json: unknown, member: Member, kind: DocKind): AppEvent {
  const parsed = parseEvent(json);
  if (!parsed.ok && parsed.reason === RejectReason.Schema)
    throw new RuleError({ reason: parsed.reason, type: parsed.type }, `${parsed.type} ${parsed.why}`);
  if (!parsed.ok) throw new RuleError({ reason: parsed.reason, type: parsed.type }, parsed.why);
  const event = parsed.event;
  const type = event.type;
  if (event.by !== member.memberId)
    throw new RuleError({ reason: RejectReason.ForgedAuthor, type }, `${type} by ${event.by}`);
  const rule = permissions[type] as Permission;
  if (rule.doc !== kind)
    throw new RuleError({ reason: RejectReason.WrongDocument, type, doc: rule.doc }, `${type} belongs in ${rule.doc}`);
  if (!whoAllows(rule.who, member))
    throw new RuleError({ reason: RejectReason.NotPermitted, type, who: rule.who }, `${type} needs ${rule.who}`);
  const broken = rule.check?.(event, member);
  if (broken) throw new RuleError({ reason: RejectReason.NotPermitted, type, rule: broken }, `${type}: ${broken.code}`);
  return event;
}

/** True if the member may append this type at all (for hiding buttons). */
export function mayAppend(type: EventType, member: Member): boolean {
  return whoAllows(permissions[type].who, member);
}
