import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { en } from '../../../client/i18n/en.ts';
import { errorMessage } from '../../../client/i18n/errors.ts';
import { type Locale, showLocale } from '../../../client/i18n/index.ts';
import { anomalyText, refusalText } from '../../../client/i18n/reasons.ts';
import { zhCN } from '../../../client/i18n/zh-CN.ts';
import type { Refusal } from '../../../shared/errors.ts';
import { RuleError, rejectReasons, ruleCodes } from '../../../shared/errors.ts';
import type { AnomalyCode, AnomalyOf, AnomalyReason } from '../../../shared/folds/index.ts';
import { anomalyCodes, foldEvents, stages, things } from '../../../shared/folds/index.ts';
import { checkEvent, whos } from '../../../shared/rules/permissions.ts';
import { examplePayloads } from '../support/exampleEvents.ts';
import { owners, property, resident } from '../support/members.ts';
import { TestLog } from '../support/TestLog.ts';

/** One reason of each code; a new code without a sample here fails typecheck. */
const samples: { [C in AnomalyCode]: AnomalyOf<C> } = {
  schema: { code: 'schema', issue: 'at: Invalid type' },
  wrong_document: { code: 'wrong_document' },
  duplicate_id: { code: 'duplicate_id' },
  no_such: { code: 'no_such', thing: 'request' },
  stage: { code: 'stage', stage: 'closed' },
  target_ended: { code: 'target_ended', stage: 'merged' },
  already_decided: { code: 'already_decided' },
  already_confirmed: { code: 'already_confirmed' },
  already_answered: { code: 'already_answered' },
  already_upheld: { code: 'already_upheld' },
  already_assigned: { code: 'already_assigned' },
  before_target: { code: 'before_target' },
  already_completed: { code: 'already_completed' },
  already_withdrawn: { code: 'already_withdrawn' },
  already_merged: { code: 'already_merged' },
  not_raiser: { code: 'not_raiser' },
  nothing_to_rate: { code: 'nothing_to_rate' },
  not_approved: { code: 'not_approved' },
  tier_unmet: { code: 'tier_unmet', limitFen: 5_000_000 },
  not_assembly: { code: 'not_assembly' },
  expense_status: { code: 'expense_status', status: 'paid' },
  already_approved: { code: 'already_approved', party: 'owners' },
  already_reversed: { code: 'already_reversed' },
  already_corrected: { code: 'already_corrected' },
  own_line: { code: 'own_line' },
  source_kind: { code: 'source_kind' },
  not_own_source: { code: 'not_own_source' },
  units_over: { code: 'units_over' },
  already_awarded: { code: 'already_awarded' },
  target_ignored: { code: 'target_ignored' },
  overdraft: { code: 'overdraft', balance: 90, cost: 100 },
  ticket_used: { code: 'ticket_used' },
  meeting_cancelled: { code: 'meeting_cancelled' },
  meeting_exists: { code: 'meeting_exists' },
  meeting_not_yours: { code: 'meeting_not_yours' },
  meeting_kind: { code: 'meeting_kind', meetingKind: 'three-party' },
  duty_cancelled: { code: 'duty_cancelled' },
  household_closed: { code: 'household_closed' },
  already_revoked: { code: 'already_revoked' },
  not_committee: { code: 'not_committee' },
  already_signed_up: { code: 'already_signed_up' },
  no_free_slot: { code: 'no_free_slot' },
  not_signed_up: { code: 'not_signed_up' },
  already_checked_in: { code: 'already_checked_in' },
  not_checked_in: { code: 'not_checked_in' },
  already_checked_out: { code: 'already_checked_out' },
  not_lead: { code: 'not_lead' },
  has_place: { code: 'has_place' },
  already_claimed: { code: 'already_claimed' },
  not_claimer: { code: 'not_claimer' },
  already_accepted: { code: 'already_accepted' },
  nothing_reported: { code: 'nothing_reported' },
  minutes_locked: { code: 'minutes_locked' },
  not_locked: { code: 'not_locked' },
  already_signed_in: { code: 'already_signed_in' },
  already_signed_off: { code: 'already_signed_off', party: 'community' },
  party_absent: { code: 'party_absent', party: 'property' },
  not_owner: { code: 'not_owner' },
};

/** Every reason the catalogs must word: each code, and each value of the parameters that pick a line. */
function everyAnomaly(): AnomalyReason[] {
  return [
    ...anomalyCodes.map((code) => samples[code] as AnomalyReason),
    ...things.map((thing): AnomalyReason => ({ code: 'no_such', thing })),
    ...stages.map((stage): AnomalyReason => ({ code: 'stage', stage })),
    ...(['approved', 'refused', 'paid', 'reversed'] as const).map(
      (status): AnomalyReason => ({ code: 'expense_status', status }),
    ),
  ];
}

function everyRefusal(): Refusal[] {
  return [
    ...rejectReasons.map((reason): Refusal => ({ reason })),
    { reason: 'unknown_type', type: 'request.deleted' },
    { reason: 'schema', type: 'request.raised' },
    { reason: 'forged_author', type: 'request.raised' },
    { reason: 'wrong_document', type: 'request.raised', doc: 'public' },
    ...whos.map((who): Refusal => ({ reason: 'not_permitted', type: 'request.decided', who })),
    ...ruleCodes.map(
      (code): Refusal => ({
        reason: 'not_permitted',
        type: 'ledger.expense.approved',
        rule: code === 'own_party' ? { code, party: 'owners' } : { code },
      }),
    ),
  ];
}

/** A rendered sentence: words, every placeholder filled. */
function expectWords(text: string): void {
  expect(typeof text).toBe('string');
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).not.toMatch(/[{}]|undefined|^(anomaly|refusal|stage|party|meetingKind)\./);
}

describe('reasons in words', () => {
  beforeAll(() => {
    // showLocale sets <html lang>; a stand-in document is enough in node.
    vi.stubGlobal('document', { documentElement: { lang: '' } });
  });
  afterEach(() => showLocale('zh-CN'));

  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    it(`every anomaly code has words in ${locale}`, async () => {
      await showLocale(locale);
      for (const reason of everyAnomaly()) expectWords(anomalyText(reason));
    });

    it(`every refusal has words in ${locale}`, async () => {
      await showLocale(locale);
      for (const refusal of everyRefusal()) expectWords(refusalText(refusal));
    });
  }

  // Compared with the catalog lines, not copies of them: rewording a reason changes one catalog line only.
  it('says a sample of anomalies with their own catalog line, parameters in words', async () => {
    await showLocale('zh-CN');
    expect(anomalyText({ code: 'already_decided' })).toBe(zhCN['anomaly.already_decided']);
    expect(anomalyText({ code: 'no_such', thing: 'meeting' })).toBe(zhCN['anomaly.no_such.meeting']);
    expect(anomalyText({ code: 'stage', stage: 'closed' })).toBe(
      zhCN['anomaly.stage'].replace('{stage}', zhCN['stage.closed']),
    );
    expect(anomalyText({ code: 'already_approved', party: 'owners' })).toBe(
      zhCN['anomaly.already_approved'].replace('{party}', zhCN['party.owners']),
    );
    const short = anomalyText({ code: 'overdraft', balance: 90, cost: 100 });
    expect(short).toMatch(/90.*100/);
    expect(short).not.toMatch(/[{}]/);
    await showLocale('en');
    expect(anomalyText({ code: 'stage', stage: 'closed' })).toBe(
      en['anomaly.stage'].replace('{stage}', en['stage.closed']),
    );
  });

  it('says in words why a fold ignored an event', () => {
    const log = new TestLog();
    log.add('request.raised', resident.memberId, { title: '路灯不亮', category: 'lighting' }, 'r1');
    log.add('request.classified', owners.memberId, { requestId: 'r1', category: 'lighting', priority: 'normal' });
    log.add('request.decided', owners.memberId, { requestId: 'r1', outcome: 'approved', note: '' });
    log.add('request.completed', property.memberId, { requestId: 'r1', result: '修好了' });
    const [anomaly] = foldEvents(log.events).anomalies;
    expect(anomaly!.reason).toEqual({ code: 'stage', stage: 'decided' });
    expect(anomalyText(anomaly!.reason)).toBe(zhCN['anomaly.stage'].replace('{stage}', zhCN['stage.decided']));
  });

  it("shows a refused write in words, not the rule's English detail", () => {
    const approval = {
      id: 'a1',
      type: 'ledger.expense.approved',
      at: Date.parse('2024-05-06T01:00:00Z'),
      by: property.memberId,
      ...examplePayloads['ledger.expense.approved'],
      party: 'owners',
    };
    let caught: unknown;
    try {
      checkEvent(approval, property, 'public');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect(errorMessage(caught)).toBe(zhCN['refusal.rule.own_party'].replaceAll('{party}', zhCN['party.owners']));
    expect(refusalText({ reason: 'not_permitted', type: 'request.decided', who: 'committee' })).toBe(
      zhCN['refusal.who.committee'],
    );
  });
});
