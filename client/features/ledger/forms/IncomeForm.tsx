import { createSignal } from 'solid-js';
import { type IncomeSource, incomeSources } from '../../../../shared/events/ledger.ts';
import { readAmount } from '../../../../shared/money.ts';
import { optional } from '../../../domain/appendPublic.ts';
import { recordIncome } from '../../../domain/ledgerWrites.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { DateField } from '../../../ui/DateField.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField, PickField } from './fields.tsx';

/** Money in: amount, source, payer, day, receipt photos. */
export function IncomeForm(props: { ctx: LedgerFormContext; fundId?: string }) {
  const only = props.ctx.funds.length === 1 ? props.ctx.funds[0]?.id : undefined;
  const [fundId, setFundId] = createSignal(props.fundId ?? only ?? '');
  const [amount, setAmount] = createSignal('');
  const [source, setSource] = createSignal<IncomeSource>();
  const [payer, setPayer] = createSignal('');
  const [day, setDay] = createSignal(props.ctx.today);
  const [note, setNote] = createSignal('');
  const [receipts, setReceipts] = createSignal<string[]>([]);
  const [photosBusy, setPhotosBusy] = createSignal(false);
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('form.save')}
      done={props.ctx.done}
      testId="income-form"
      submit={() => {
        if (!fundId()) return { field: 'fund', message: t('ledger.need.fund') };
        const money = readAmount(amount());
        if ('problem' in money) return { field: 'amount', message: amountProblem(money.problem) };
        const s = source();
        if (!s) return { field: 'source', message: t('ledger.need.source') };
        if (!payer().trim()) return { field: 'payer', message: t('ledger.need.payer') };
        if (!day()) return { field: 'day', message: t('ledger.need.day') };
        if (photosBusy()) return t('agenda.waitPhotos');
        recordIncome(props.ctx.session, {
          fundId: fundId(),
          amount: money.fen,
          source: s,
          payer: payer(),
          day: day(),
          receipts: receipts(),
          ...optional('note', note()),
        });
      }}
    >
      <PickField
        label={t('ledger.field.fund')}
        name="fund"
        value={fundId()}
        onChange={setFundId}
        options={props.ctx.funds.map((f) => ({ value: f.id, label: f.name }))}
        placeholder=""
        required
      />
      <AmountField value={amount()} onInput={setAmount} />
      <ChoiceGroup
        label={t('ledger.field.source')}
        name="source"
        options={incomeSources.map((s) => ({ value: s, label: t(`ledger.source.${s}` as MessageKey) }))}
        value={source()}
        onChange={setSource}
        required
        testId="income-source"
      />
      <TextField
        label={t('ledger.field.payer')}
        placeholder={t('ledger.field.payerPlaceholder')}
        value={payer()}
        onInput={setPayer}
        required
        maxLength={100}
        name="payer"
      />
      <DateField label={t('ledger.field.day')} value={day()} onInput={setDay} name="day" />
      <PhotoPicker
        label={t('ledger.receipts')}
        value={receipts()}
        onChange={setReceipts}
        onBusy={setPhotosBusy}
        testId="receipt-picker"
      />
      <TextField label={t('ledger.field.note')} value={note()} onInput={setNote} maxLength={500} name="note" />
    </SheetForm>
  );
}
