import { createSignal } from 'solid-js';
import * as v from 'valibot';
import { readAmount } from '../../../../shared/money.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../../domain/formDraft.ts';
import { setTierLimit } from '../../../domain/ledgerWrites.ts';
import { t } from '../../../i18n/index.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField } from './fields.tsx';

/** What a half-set limit keeps across a reload (a switch to WeChat may kill the tab). */
const TierDraft = v.partial(v.object({ amount: draftText(40), from: draftText(20) }));

/** The admin sets the amount above which an expense also needs an owners' assembly decision, from a day on. */
export function TierForm(props: { ctx: LedgerFormContext }) {
  const opening = { amount: '', from: props.ctx.today };
  const draft = useFormDraft('draft-tier', props.ctx.session.compoundId, TierDraft, props.ctx.visit);
  const kept = withDraft(opening, draft.initial);
  const [amount, setAmount] = createSignal(kept.amount);
  const [from, setFrom] = createSignal(kept.from);
  draft.keep(() => changedFields(opening, { amount: amount(), from: from() }));
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.tier.save')}
      done={props.ctx.done}
      testId="tier-form"
      submit={() => {
        const money = readAmount(amount());
        if ('problem' in money) return { field: 'amount', message: amountProblem(money.problem) };
        if (!from()) return { field: 'from', message: t('ledger.need.day') };
        setTierLimit(props.ctx.session, money.fen, from());
        draft.clear();
      }}
    >
      <AmountField label={t('ledger.tier.field')} hint={t('ledger.tier.hint')} value={amount()} onInput={setAmount} />
      <DateField label={t('ledger.tier.from')} value={from()} onInput={setFrom} name="from" />
    </SheetForm>
  );
}
