import type { BrokenRule, Refusal, RejectReason } from '../../shared/errors.ts';
import { MAX_VISIT_DAYS_BACK } from '../../shared/events/care.ts';
import type { AnomalyReason } from '../../shared/folds/index.ts';
import { formatFen } from '../../shared/money.ts';
import type { Who } from '../../shared/rules/permissions.ts';
import { intlLocale, type MessageKey, t } from './index.ts';

/**
 * Why a fold ignored an event, in the current locale. Each code has one catalog line
 * (`anomaly.<code>`, or one per thing or status); a code without its line fails typecheck.
 */
export function anomalyText(reason: AnomalyReason): string {
  switch (reason.code) {
    case 'no_such':
      return t(`anomaly.no_such.${reason.thing}`);
    case 'expense_status':
      return t(`anomaly.expense_status.${reason.status}`);
    case 'stage':
    case 'target_ended':
      return t(`anomaly.${reason.code}`, { stage: t(`stage.${reason.stage}`) });
    case 'already_approved':
    case 'already_signed_off':
    case 'party_absent':
      return t(`anomaly.${reason.code}`, { party: t(`party.${reason.party}`) });
    case 'meeting_kind':
      return t('anomaly.meeting_kind', { kind: t(`meetingKind.${reason.meetingKind}`) });
    case 'tier_unmet':
      return t('anomaly.tier_unmet', { limit: formatFen(reason.limitFen, intlLocale()) });
    case 'overdraft':
      return t('anomaly.overdraft', { balance: reason.balance, cost: reason.cost });
    default:
      return t(`anomaly.${reason.code}`);
  }
}

/** The sentence for a payload rule an event breaks. */
function ruleText(rule: BrokenRule): string {
  if (rule.code === 'own_party') return t('refusal.rule.own_party', { party: t(`party.${rule.party}`) });
  if (rule.code === 'visit_day_too_old') return t('refusal.rule.visit_day_too_old', { n: MAX_VISIT_DAYS_BACK });
  return t(`refusal.rule.${rule.code}`);
}

/** Who may append an event type, as the sentence a member below it sees. */
const whoKeys: Record<Who, MessageKey> = {
  member: 'refusal.who.member',
  committee: 'refusal.who.committee',
  admin: 'refusal.who.admin',
  server: 'refusal.who.server',
};

/** Reasons about how an update is built rather than what it says share a few sentences. */
const reasonKeys: Record<RejectReason, MessageKey> = {
  not_permitted: 'refusal.not_permitted',
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
  event_quota: 'refusal.event_quota',
  byte_quota: 'refusal.byte_quota',
  causal_rule: 'refusal.causal_rule',
  foreign_client: 'refusal.malformed',
  clock_ahead: 'refusal.clock_ahead',
};

/** Why the rules refuse a change, in the current locale. */
export function refusalText(refusal: Refusal): string {
  if ('who' in refusal) return t(whoKeys[refusal.who]);
  if ('rule' in refusal) return ruleText(refusal.rule);
  if ('anomaly' in refusal) return anomalyText(refusal.anomaly);
  return t(reasonKeys[refusal.reason]);
}
