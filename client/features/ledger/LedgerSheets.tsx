import { type JSX, Show } from 'solid-js';
import type { Party } from '../../../shared/roles.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { Modal } from '../../ui/Modal.tsx';
import type { LedgerFormContext, LedgerSheet, SheetId, SheetOf } from './forms/context.ts';
import { ExpenseForm } from './forms/ExpenseForm.tsx';
import { FundForm } from './forms/FundForm.tsx';
import { IncomeForm } from './forms/IncomeForm.tsx';
import { LinkForm } from './forms/LinkForm.tsx';
import { PaymentForm, RefuseForm, ReversalForm } from './forms/SettleForms.tsx';
import { TierForm } from './forms/TierForm.tsx';

interface SheetRow<K extends SheetId> {
  title: (sheet: SheetOf<K>) => MessageKey;
  form: (ctx: LedgerFormContext, sheet: SheetOf<K>) => JSX.Element;
}

const ownParty = (ctx: LedgerFormContext) => ctx.session.member.party as Party;

/** Every sheet of the ledger page, keyed by id (so none can be missing): adding one is adding a row. */
const sheets: { [K in SheetId]: SheetRow<K> } = {
  fund: { title: () => 'ledger.openFund', form: (ctx) => <FundForm ctx={ctx} /> },
  tier: { title: () => 'ledger.tier.set', form: (ctx) => <TierForm ctx={ctx} /> },
  link: { title: () => 'ledger.assembly.link', form: (ctx, s) => <LinkForm ctx={ctx} expense={s.expense} /> },
  income: {
    title: () => 'ledger.recordIncome',
    form: (ctx, s) => <IncomeForm ctx={ctx} fundId={s.fundId} like={s.like} />,
  },
  expense: { title: () => 'ledger.proposeExpense', form: (ctx, s) => <ExpenseForm ctx={ctx} fundId={s.fundId} /> },
  refuse: {
    title: () => 'ledger.refuseTitle',
    form: (ctx, s) => <RefuseForm ctx={ctx} expense={s.expense} party={ownParty(ctx)} />,
  },
  pay: { title: () => 'ledger.recordPayment', form: (ctx, s) => <PaymentForm ctx={ctx} expense={s.expense} /> },
  reverse: {
    title: (s) => (s.kind === 'income' ? 'ledger.reverseIncome' : 'ledger.reversePayment'),
    form: (ctx, s) => <ReversalForm ctx={ctx} targetEventId={s.targetEventId} />,
  },
};

const rowOf = (sheet: LedgerSheet) => sheets[sheet.id] as unknown as SheetRow<SheetId>;

/** A bottom sheet holding the open form, titled with what it does. */
export function LedgerSheetHost(props: {
  open: LedgerSheet | undefined;
  ctx: LedgerFormContext;
  /** The sheet came back from the URL after a reload, with its draft. */
  restored?: boolean;
}) {
  return (
    <Modal
      open={props.open !== undefined}
      filled={props.restored}
      onOpenChange={(open) => !open && props.ctx.done()}
      title={props.open ? t(rowOf(props.open).title(props.open as never)) : ''}
      testId="ledger-sheet"
    >
      <Show when={props.open} keyed>
        {(open) => rowOf(open).form(props.ctx, open as never)}
      </Show>
    </Modal>
  );
}
