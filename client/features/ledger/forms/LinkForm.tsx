import { createSignal } from 'solid-js';
import type { ExpenseState } from '../../../../shared/folds/index.ts';
import { linkAssemblyDecision } from '../../../domain/ledgerWrites.ts';
import { useAssemblyDecisions } from '../../../domain/useAssemblyDecisions.ts';
import { t } from '../../../i18n/index.ts';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { AssemblyDecisionPicker, decisionKey } from './AssemblyDecisionPicker.tsx';
import type { LedgerFormContext } from './context.ts';

/** Links an owners' assembly decision that passed to an expense above the limit, so it can be paid. */
export function LinkForm(props: { ctx: LedgerFormContext; expense: ExpenseState }) {
  const decisions = useAssemblyDecisions();
  const [key, setKey] = createSignal('');
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.assembly.link')}
      done={props.ctx.done}
      testId="link-form"
      submit={() => {
        const d = decisions().find((x) => decisionKey(x) === key());
        if (!d) return { field: 'assembly', message: t('ledger.assembly.pick') };
        linkAssemblyDecision(props.ctx.session, props.expense.id, d);
      }}
    >
      <AssemblyDecisionPicker decisions={decisions()} value={key()} onChange={setKey} required />
    </SheetForm>
  );
}
