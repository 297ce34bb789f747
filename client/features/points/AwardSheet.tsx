import { createSignal } from 'solid-js';
import * as v from 'valibot';
import type { PointsState } from '../../../shared/folds/index.ts';
import { rulesInForce } from '../../../shared/folds/pointsQueries.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { awardManually } from './actions.ts';
import { pointsWords, type Sign, signedAmount } from './amount.ts';
import { SignChoice } from './SignChoice.tsx';

/** No rule: the committee types the points. */
const NO_RULE = 'none';

/** What a half-written award keeps across a reload (a switch to WeChat may kill the tab). */
const AwardDraft = v.partial(
  v.object({
    rule: draftText(100),
    sign: v.picklist(['add', 'deduct']),
    amount: draftText(10),
    reason: draftText(200),
  }),
);

/** 记分: the committee gives a member points by hand, under a 手动记分 rule or none, with a reason. */
export function AwardSheet(props: {
  session: CompoundSession;
  points: PointsState;
  memberId: string;
  name: string;
  open: boolean;
  visit: string;
  restored: boolean;
  done: () => void;
}) {
  return (
    <Modal
      open={props.open}
      filled={props.restored}
      onOpenChange={(o) => !o && props.done()}
      title={t('points.awardTitle', { name: props.name })}
    >
      {/* Made as the sheet opens, so its draft is the visit's. */}
      <AwardForm {...props} />
    </Modal>
  );
}

function AwardForm(props: {
  session: CompoundSession;
  points: PointsState;
  memberId: string;
  visit: string;
  done: () => void;
}) {
  // The rules a committee member applies by hand, as the rule list shows them today.
  const manual = () => rulesInForce(props.points, shanghaiDay(now())).filter((r) => r.kind === 'other');
  const opening = { rule: NO_RULE, sign: 'add' as Sign, amount: '', reason: '' };
  const draft = useFormDraft('draft-award-points', props.session.compoundId, AwardDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [rule, setRule] = createSignal(kept.rule);
  const [sign, setSign] = createSignal<Sign>(kept.sign);
  const [amount, setAmount] = createSignal(kept.amount);
  const [reason, setReason] = createSignal(kept.reason);
  draft.keep(() => changedFields(opening, { rule: rule(), sign: sign(), amount: amount(), reason: reason() }));
  const chosen = () => props.points.rules[rule()];
  /** A rule fills in its points, a deduction's as 扣; the committee may change them. */
  const pick = (id: string) => {
    setRule(id);
    const r = props.points.rules[id];
    if (!r) return;
    setSign(r.points < 0 ? 'deduct' : 'add');
    setAmount(String(Math.abs(r.points)));
  };
  const signed = () => signedAmount(amount(), sign());
  return (
    <SheetForm
      submitLabel={t('points.award')}
      submit={() => {
        const n = signed();
        if (n === undefined) return { field: 'amount', message: t('points.awardAmountInvalid') };
        if (!reason().trim())
          return { field: 'reason', message: t('form.fillRequired', { field: t('points.awardReason') }) };
        awardManually(props.session, props.memberId, chosen(), n, reason());
        draft.clear();
      }}
      done={props.done}
      testId="award-form"
    >
      <ChoiceGroup
        label={t('points.awardRule')}
        name="rule"
        layout="rows"
        options={[
          ...manual().map((r) => ({ value: r.id, label: `${r.name}（${pointsWords(r.points)}）` })),
          { value: NO_RULE, label: t('points.awardNoRule') },
        ]}
        value={rule()}
        onChange={pick}
      />
      <SignChoice value={sign()} onChange={setSign} />
      <TextField
        label={t('points.awardAmount')}
        hint={t('points.awardAmountHint')}
        value={amount()}
        onInput={setAmount}
        required
        inputMode="numeric"
        name="amount"
        echo={signed() === undefined ? undefined : pointsWords(signed() as number)}
      />
      <TextField
        label={t('points.awardReason')}
        placeholder={t('points.awardReasonPlaceholder')}
        value={reason()}
        onInput={setReason}
        required
        maxLength={120}
        name="reason"
      />
    </SheetForm>
  );
}
