import { createSignal } from 'solid-js';
import * as v from 'valibot';
import type { ExpenseState } from '../../../../shared/folds/index.ts';
import { isReversed, needsAssembly, reversalTarget } from '../../../../shared/folds/ledgerQueries.ts';
import { formatFen } from '../../../../shared/money.ts';
import type { Party } from '../../../../shared/roles.ts';
import { formatDay } from '../../../../shared/time.ts';
import { changedFrom, draftText, useFormDraft } from '../../../domain/formDraft.ts';
import { recordPayment, reverseEntry, signExpense } from '../../../domain/ledgerWrites.ts';
import { useLedger } from '../../../domain/useLedger.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { payerWords } from '../../../i18n/payerWords.ts';
import { anomalyText } from '../../../i18n/reasons.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { DateField } from '../../../ui/DateField.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { shownName } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';

/**
 * One party's refusal, which ends the proposal, with its reason: every yuan is visible, so a refusal
 * says why (the event's note stays optional for refusals written before).
 */
export function RefuseForm(props: { ctx: LedgerFormContext; expense: ExpenseState; party: Party }) {
  const ledger = useLedger();
  const draft = useFormDraft('draft-refuse', props.ctx.session.compoundId, draftText(500), props.ctx.visit);
  const [note, setNote] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', note()));
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.refuseTitle')}
      done={props.ctx.done}
      testId="refuse-form"
      submit={() => {
        if (!note().trim()) return { field: 'note', message: t('ledger.need.refuseNote') };
        // Approved, refused or paid while the sheet was open: the relay refuses a refusal of what this
        // phone already holds as settled or signed by its party, and the phone would reset its copy.
        const x = ledger().expenses[props.expense.id];
        if (x && x.status !== 'proposed') return anomalyText({ code: 'expense_status', status: x.status });
        if (x?.approvals[props.party]) return anomalyText({ code: 'already_approved', party: props.party });
        signExpense(props.ctx.session, props.expense.id, props.party, 'refuse', note());
        draft.clear();
      }}
    >
      <p class="field-hint">{t('ledger.refuseHint')}</p>
      <TextField
        label={t('ledger.field.refuseNote')}
        value={note()}
        onInput={setNote}
        required
        multiline
        maxLength={500}
        name="note"
      />
    </SheetForm>
  );
}

/** What a half-recorded payment keeps across a reload: its receipts, photographed meanwhile. */
const PaymentDraft = v.object({
  day: v.pipe(v.string(), v.maxLength(20)),
  receipts: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
});

/** The payment of an approved expense, with at least one receipt photo. */
export function PaymentForm(props: { ctx: LedgerFormContext; expense: ExpenseState }) {
  const ledger = useLedger();
  const draft = useFormDraft('draft-payment', props.ctx.session.compoundId, PaymentDraft, props.ctx.visit);
  const [day, setDay] = createSignal(draft.initial?.day || props.ctx.today);
  const [receipts, setReceipts] = createSignal<string[]>(draft.initial?.receipts ?? []);
  draft.keep(() => (receipts().length > 0 ? { day: day(), receipts: receipts() } : undefined));
  const [photosBusy, setPhotosBusy] = createSignal(false);
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.recordPayment')}
      done={props.ctx.done}
      testId="payment-form"
      submit={() => {
        if (!day()) return { field: 'day', message: t('ledger.need.day') };
        if (photosBusy()) return t('agenda.waitPhotos');
        if (receipts().length === 0) return { field: 'photos', message: t('ledger.need.receipt') };
        // A limit may have arrived while the sheet was open: the relay would refuse the payment
        // (this phone held the limit) and the phone would reset its copy.
        const x = ledger().expenses[props.expense.id];
        if (x && x.status !== 'approved' && x.status !== 'proposed')
          return anomalyText({ code: 'expense_status', status: x.status });
        if (x && needsAssembly(ledger(), x)) return t('ledger.need.assembly');
        recordPayment(props.ctx.session, props.expense.id, day(), receipts());
        draft.clear();
      }}
    >
      <DateField label={t('ledger.field.payDay')} value={day()} onInput={setDay} name="day" />
      <PhotoPicker
        label={t('ledger.receipts')}
        value={receipts()}
        onChange={setReceipts}
        onBusy={setPhotosBusy}
        testId="receipt-picker"
        required
      />
    </SheetForm>
  );
}

/** A reversing entry with its reason: the only way to correct an income or a payment. */
export function ReversalForm(props: { ctx: LedgerFormContext; targetEventId: string }) {
  const ledger = useLedger();
  const draft = useFormDraft('draft-reverse', props.ctx.session.compoundId, draftText(500), props.ctx.visit);
  const [reason, setReason] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', reason()));
  // The sheet says which record it takes back, with its sum: the button was one of several on a card.
  const what = () => {
    const target = reversalTarget(ledger(), props.targetEventId);
    const viewer = props.ctx.session.member;
    if (target?.kind === 'income')
      return t('ledger.reverseWhatIncome', {
        amount: formatFen(target.income.amount, intlLocale()),
        payer: payerWords(target.income, shownName(target.income.payer, viewer)),
        day: formatDay(target.income.day, intlLocale()),
      });
    if (target?.kind === 'payment')
      return t('ledger.reverseWhatPayment', {
        amount: formatFen(target.expense.amount, intlLocale()),
        payee: shownName(target.expense.payee, viewer),
        purpose: target.expense.purpose,
        day: formatDay(target.payment.day, intlLocale()),
      });
    return '';
  };
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.reverse')}
      done={props.ctx.done}
      testId="reversal-form"
      submit={() => {
        if (!reason().trim()) return { field: 'reason', message: t('ledger.need.reason') };
        // Reversed on another phone while the sheet was open: the relay refuses a second reversal by
        // a phone that holds the first, and the phone would reset its copy.
        if (isReversed(ledger(), props.targetEventId)) return anomalyText({ code: 'already_reversed' });
        reverseEntry(props.ctx.session, props.targetEventId, reason());
        draft.clear();
      }}
    >
      <p class="strong" data-testid="reversal-what">
        {what()}
      </p>
      <TextField
        label={t('ledger.field.reason')}
        hint={t('ledger.reverseHint')}
        value={reason()}
        onInput={setReason}
        required
        multiline
        maxLength={500}
        name="reason"
      />
    </SheetForm>
  );
}
