import { createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import { limitInForce } from '../../../../shared/folds/ledgerQueries.ts';
import { formatFen, readAmount } from '../../../../shared/money.ts';
import { useFormDraft } from '../../../domain/formDraft.ts';
import { proposeExpense } from '../../../domain/ledgerWrites.ts';
import { useAssemblyDecisions } from '../../../domain/useAssemblyDecisions.ts';
import { useLedger } from '../../../domain/useLedger.ts';
import { intlLocale, t } from '../../../i18n/index.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { openRequestChoices, requestChoiceLabel } from '../../../ui/requestChoice.ts';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { amountProblem } from '../ledgerText.ts';
import { AssemblyDecisionPicker, decisionKey } from './AssemblyDecisionPicker.tsx';
import type { LedgerFormContext } from './context.ts';
import { AmountField, PickField } from './fields.tsx';

/** What a half-filled expense keeps across a reload: the quotes are photographed in the middle of it. */
const ExpenseDraft = v.object({
  fundId: v.pipe(v.string(), v.maxLength(100)),
  amount: v.pipe(v.string(), v.maxLength(40)),
  payee: v.pipe(v.string(), v.maxLength(500)),
  purpose: v.pipe(v.string(), v.maxLength(2000)),
  requestId: v.pipe(v.string(), v.maxLength(100)),
  /** The owners' assembly decision chosen for an amount above the limit. */
  decision: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  quotes: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
});

/** Spending for the three parties to sign: amount, payee, purpose, quotes, maybe the request it carries out. */
export function ExpenseForm(props: { ctx: LedgerFormContext; fundId?: string }) {
  const only = props.ctx.funds.length === 1 ? props.ctx.funds[0]?.id : undefined;
  const draft = useFormDraft('draft-expense', props.ctx.session.compoundId, ExpenseDraft, props.ctx.visit);
  const kept = draft.initial;
  const [fundId, setFundId] = createSignal(kept?.fundId || props.fundId || only || '');
  const [amount, setAmount] = createSignal(kept?.amount ?? '');
  const [payee, setPayee] = createSignal(kept?.payee ?? '');
  const [purpose, setPurpose] = createSignal(kept?.purpose ?? '');
  const [requestId, setRequestId] = createSignal(kept?.requestId ?? '');
  const [quotes, setQuotes] = createSignal<string[]>(kept?.quotes ?? []);
  const [decision, setDecision] = createSignal(kept?.decision ?? '');
  draft.keep(() => {
    const value = {
      fundId: fundId(),
      amount: amount(),
      payee: payee(),
      purpose: purpose(),
      requestId: requestId(),
      decision: decision(),
      quotes: quotes(),
    };
    return value.amount || value.payee || value.purpose || value.quotes.length > 0 ? value : undefined;
  });
  const [photosBusy, setPhotosBusy] = createSignal(false);
  const ledger = useLedger();
  const tier = () => limitInForce(ledger(), props.ctx.today);
  const above = () => {
    const money = readAmount(amount());
    const x = tier();
    return x !== null && 'fen' in money && money.fen > x.limitFen;
  };
  const decisions = useAssemblyDecisions();
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.proposeExpense')}
      done={props.ctx.done}
      testId="expense-form"
      submit={() => {
        if (!fundId()) return { field: 'fund', message: t('ledger.need.fund') };
        const money = readAmount(amount());
        if ('problem' in money) return { field: 'amount', message: amountProblem(money.problem) };
        if (!payee().trim()) return { field: 'payee', message: t('ledger.need.payee') };
        if (!purpose().trim()) return { field: 'purpose', message: t('ledger.need.purpose') };
        if (photosBusy()) return t('agenda.waitPhotos');
        const linked = above() ? decisions().find((d) => decisionKey(d) === decision()) : undefined;
        proposeExpense(
          props.ctx.session,
          {
            fundId: fundId(),
            amount: money.fen,
            payee: payee(),
            purpose: purpose(),
            quotes: quotes(),
            ...(requestId() ? { requestId: requestId() } : {}),
          },
          linked,
        );
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
      <Show when={tier()}>
        {(x) => (
          <p class="field-hint" data-testid="expense-limit">
            {t('ledger.tier.formHint', { limit: formatFen(x().limitFen, intlLocale()) })}
          </p>
        )}
      </Show>
      <Show when={above()}>
        <p class="entry-note" data-testid="form-needs-assembly">
          {t('ledger.assembly.needed')}
        </p>
        <AssemblyDecisionPicker decisions={decisions()} value={decision()} onChange={setDecision} />
      </Show>
      <TextField
        label={t('ledger.field.payee')}
        placeholder={t('ledger.field.payeePlaceholder')}
        value={payee()}
        onInput={setPayee}
        required
        maxLength={100}
        name="payee"
      />
      <TextField
        label={t('ledger.field.purpose')}
        placeholder={t('ledger.field.purposePlaceholder')}
        value={purpose()}
        onInput={setPurpose}
        required
        multiline
        maxLength={500}
        name="purpose"
      />
      <PhotoPicker
        label={t('ledger.quotes')}
        value={quotes()}
        onChange={setQuotes}
        onBusy={setPhotosBusy}
        testId="quote-picker"
      />
      <PickField
        label={t('ledger.field.request')}
        name="request"
        value={requestId()}
        onChange={setRequestId}
        options={openRequestChoices(props.ctx.requests, requestId()).map((r) => ({
          value: r.id,
          label: requestChoiceLabel(r),
        }))}
        placeholder={t('ledger.field.noRequest')}
      />
    </SheetForm>
  );
}
