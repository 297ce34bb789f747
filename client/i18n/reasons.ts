import type { BrokenRule, Refusal, RejectReason, RuleCode } from '../../shared/errors.ts';
import type { AnomalyCode, AnomalyOf, AnomalyReason } from '../../shared/folds/index.ts';
import type { Who } from '../../shared/rules/permissions.ts';
import { type MessageKey, t } from './index.ts';

/** Words for each anomaly code; a code without words here fails typecheck. */
const anomalyWords: { [C in AnomalyCode]: (reason: AnomalyOf<C>) => string } = {
  schema: () => t('anomaly.schema'),
  wrong_document: () => t('anomaly.wrong_document'),
  duplicate_id: () => t('anomaly.duplicate_id'),
  no_such: (r) => t(`anomaly.no_such.${r.thing}`),
  stage: (r) => t('anomaly.stage', { stage: t(`stage.${r.stage}`) }),
  target_ended: (r) => t('anomaly.target_ended', { stage: t(`stage.${r.stage}`) }),
  already_decided: () => t('anomaly.already_decided'),
  already_confirmed: () => t('anomaly.already_confirmed'),
  already_answered: () => t('anomaly.already_answered'),
  not_raiser: () => t('anomaly.not_raiser'),
  nothing_to_rate: () => t('anomaly.nothing_to_rate'),
  not_approved: () => t('anomaly.not_approved'),
  expense_status: (r) => t(`anomaly.expense_status.${r.status}`),
  already_approved: (r) => t('anomaly.already_approved', { party: t(`party.${r.party}`) }),
  already_reversed: () => t('anomaly.already_reversed'),
  already_corrected: () => t('anomaly.already_corrected'),
  balance_short: (r) => t('anomaly.balance_short', { balance: r.balance, cost: r.cost }),
  meeting_cancelled: () => t('anomaly.meeting_cancelled'),
  meeting_kind: (r) => t('anomaly.meeting_kind', { kind: t(`meetingKind.${r.meetingKind}`) }),
  duty_cancelled: () => t('anomaly.duty_cancelled'),
  household_closed: () => t('anomaly.household_closed'),
  already_revoked: () => t('anomaly.already_revoked'),
  already_signed_up: () => t('anomaly.already_signed_up'),
  no_free_slot: () => t('anomaly.no_free_slot'),
  not_signed_up: () => t('anomaly.not_signed_up'),
  already_checked_in: () => t('anomaly.already_checked_in'),
  not_checked_in: () => t('anomaly.not_checked_in'),
  already_checked_out: () => t('anomaly.already_checked_out'),
  already_claimed: () => t('anomaly.already_claimed'),
  not_claimer: () => t('anomaly.not_claimer'),
  already_accepted: () => t('anomaly.already_accepted'),
  nothing_reported: () => t('anomaly.nothing_reported'),
  minutes_locked: () => t('anomaly.minutes_locked'),
  already_signed_in: () => t('anomaly.already_signed_in'),
  already_signed_off: (r) => t('anomaly.already_signed_off', { party: t(`party.${r.party}`) }),
  party_absent: (r) => t('anomaly.party_absent', { party: t(`party.${r.party}`) }),
};

/** Why a fold ignored an event, in the current locale. */
export function anomalyText(reason: AnomalyReason): string {
  return (anomalyWords[reason.code] as (reason: AnomalyReason) => string)(reason);
}

/** Words for each payload rule; a rule without words here fails typecheck. */
const ruleWords: { [C in RuleCode]: (rule: Extract<BrokenRule, { code: C }>) => string } = {
  only_for_self: () => t('refusal.rule.only_for_self'),
  own_party: (r) => t('refusal.rule.own_party', { party: t(`party.${r.party}`) }),
  empty_edit: () => t('refusal.rule.empty_edit'),
  merge_into_itself: () => t('refusal.rule.merge_into_itself'),
  paper_by_recorder: () => t('refusal.rule.paper_by_recorder'),
  department_name: () => t('refusal.rule.department_name'),
  duty_ends_first: () => t('refusal.rule.duty_ends_first'),
  rule_worth_nothing: () => t('refusal.rule.rule_worth_nothing'),
  award_rule_or_amount: () => t('refusal.rule.award_rule_or_amount'),
  award_of_nothing: () => t('refusal.rule.award_of_nothing'),
  tag_twice: () => t('refusal.rule.tag_twice'),
  request_or_wish: () => t('refusal.rule.request_or_wish'),
};

/** Who may append an event type, as the sentence a member below it sees. */
const whoKeys: Record<Who, MessageKey> = {
  member: 'refusal.who.member',
  committee: 'refusal.who.committee',
  admin: 'refusal.who.admin',
  server: 'refusal.who.server',
};

/** Reasons about how an update is built rather than what it says share a few sentences. */
const reasonKeys: Record<Exclude<RejectReason, 'not_permitted'>, MessageKey> = {
  unknown_type: 'refusal.unknown_type',
  schema: 'refusal.schema',
  forged_author: 'refusal.forged_author',
  wrong_document: 'refusal.wrong_document',
  delete_forbidden: 'refusal.delete_forbidden',
  read_only: 'refusal.read_only',
  too_large: 'refusal.too_large',
  unknown_root: 'refusal.malformed',
  nested_type: 'refusal.malformed',
  map_write: 'refusal.malformed',
  bad_content: 'refusal.malformed',
  unresolved: 'refusal.malformed',
  malformed: 'refusal.malformed',
};

/** Why the rules refuse a change, in the current locale. */
export function refusalText(refusal: Refusal): string {
  if (refusal.reason !== 'not_permitted') return t(reasonKeys[refusal.reason]);
  if ('who' in refusal) return t(whoKeys[refusal.who]);
  return (ruleWords[refusal.rule.code] as (rule: BrokenRule) => string)(refusal.rule);
}
