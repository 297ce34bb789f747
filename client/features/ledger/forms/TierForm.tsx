import { createSignal } from 'solid-js';
import { readAmount } from '../../../../shared/money.ts';
import { setTierLimit } from '../../../domain/ledgerWrites.ts';
import { t } from '../../../i18n/index.ts';
import { DateField } from '../../../ui/DateField.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField } from './fields.tsx';

/** The admin sets the amount above which an expense also needs an owners' assembly decision, from a day on. */
export function TierForm(props: { ctx: LedgerFormContext }) {
  const [amount, setAmount] = createSignal('');
  const [from, setFrom] = createSignal(props.ctx.today);
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
      }}
    >
      <AmountField label={t('ledger.tier.field')} hint={t('ledger.tier.hint')} value={amount()} onInput={setAmount} />
      <DateField label={t('ledger.tier.from')} value={from()} onInput={setFrom} name="from" />
    </SheetForm>
  );
}
