import { createSignal } from 'solid-js';
import * as v from 'valibot';
import { type IncomeSource, incomeSources } from '../../../../shared/events/ledger.ts';
import { fenInCapitals, formatFen, readAmount } from '../../../../shared/money.ts';
import { formatDay } from '../../../../shared/time.ts';
import { optional } from '../../../domain/appendPublic.ts';
import { useFormDraft } from '../../../domain/formDraft.ts';
import { recordIncome } from '../../../domain/ledgerWrites.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { DateField } from '../../../ui/DateField.tsx';
import { ASK_FIRST, SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField, PickField } from './fields.tsx';

/** What a half-filled income keeps across a reload: the receipts are photographed in the middle of it. */
const IncomeDraft = v.object({
  fundId: v.pipe(v.string(), v.maxLength(100)),
  amount: v.pipe(v.string(), v.maxLength(40)),
  source: v.optional(v.picklist(incomeSources)),
  payer: v.pipe(v.string(), v.maxLength(500)),
  day: v.pipe(v.string(), v.maxLength(20)),
  note: v.pipe(v.string(), v.maxLength(2000)),
  receipts: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
});

/**
 * Money in: amount, source, payer, day, receipt photos. Asked once more before it is recorded, the
 * amount in figures and in capitals: 3000 typed as 30000 went straight into the balance.
 * `like` fills source and payer from an income just reversed, to record the right one.
 */
export function IncomeForm(props: {
  ctx: LedgerFormContext;
  fundId?: string;
  like?: { source: IncomeSource; payer: string };
}) {
  const only = props.ctx.funds.length === 1 ? props.ctx.funds[0]?.id : undefined;
  const draft = useFormDraft('draft-income', props.ctx.session.compoundId, IncomeDraft, props.ctx.visit);
  const kept = draft.initial;
  const [fundId, setFundId] = createSignal(kept?.fundId || props.fundId || only || '');
  const [amount, setAmount] = createSignal(kept?.amount ?? '');
  const [source, setSource] = createSignal<IncomeSource | undefined>(kept ? kept.source : props.like?.source);
  const [payer, setPayer] = createSignal(kept?.payer ?? props.like?.payer ?? '');
  const [day, setDay] = createSignal(kept?.day || props.ctx.today);
  const [note, setNote] = createSignal(kept?.note ?? '');
  const [receipts, setReceipts] = createSignal<string[]>(kept?.receipts ?? []);
  draft.keep(() => {
    const value = {
      fundId: fundId(),
      amount: amount(),
      source: source(),
      payer: payer(),
      day: day(),
      note: note(),
      receipts: receipts(),
    };
    const filled = value.amount || value.payer || value.note || value.source || value.receipts.length > 0;
    return filled ? value : undefined;
  });
  const [photosBusy, setPhotosBusy] = createSignal(false);
  const fen = () => {
    const money = readAmount(amount());
    return 'fen' in money ? money.fen : 0;
  };
  const fundName = () => props.ctx.funds.find((f) => f.id === fundId())?.name ?? '';
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('form.save')}
      done={props.ctx.done}
      testId="income-form"
      confirm={{
        title: t('ledger.incomeCheck.title'),
        confirmLabel: t('ledger.incomeCheck.yes'),
        body: () => (
          <>
            <p class="strong" data-testid="income-check-amount">
              {t('ledger.incomeCheck.amount', {
                amount: formatFen(fen(), intlLocale()),
                capitals: fenInCapitals(fen()),
              })}
            </p>
            <p data-testid="income-check-payer">{t('ledger.payer', { name: payer() })}</p>
            <p>
              {t('ledger.incomeCheck.source', {
                source: source() ? t(`ledger.source.${source()}` as MessageKey) : '',
                fund: fundName(),
                day: formatDay(day(), intlLocale()),
              })}
            </p>
            <p>{t('ledger.incomeCheck.hint')}</p>
          </>
        ),
      }}
      submit={(confirmed) => {
        if (!fundId()) return { field: 'fund', message: t('ledger.need.fund') };
        const money = readAmount(amount());
        if ('problem' in money) return { field: 'amount', message: amountProblem(money.problem) };
        const s = source();
        if (!s) return { field: 'source', message: t('ledger.need.source') };
        if (!payer().trim()) return { field: 'payer', message: t('ledger.need.payer') };
        if (!day()) return { field: 'day', message: t('ledger.need.day') };
        if (photosBusy()) return t('agenda.waitPhotos');
        if (!confirmed) return ASK_FIRST;
        recordIncome(props.ctx.session, {
          fundId: fundId(),
          amount: money.fen,
          source: s,
          payer: payer(),
          day: day(),
          receipts: receipts(),
          ...optional('note', note()),
        });
        draft.clear();
      }}
    >
      <PickField
        label={t('ledger.field.fund')}
        name="fund"
        value={fundId()}
        onChange={setFundId}
        options={props.ctx.funds.map((f) => ({ value: f.id, label: f.name }))}
        placeholder={t('ledger.pickFund')}
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
