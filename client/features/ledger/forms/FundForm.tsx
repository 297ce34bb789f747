import { createSignal } from 'solid-js';
import { type FundKind, fundKinds } from '../../../../shared/events/ledger.ts';
import { readAmount } from '../../../../shared/money.ts';
import { openFund } from '../../../domain/ledgerWrites.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField } from './fields.tsx';

/** Opens a fund; an opening balance becomes its first income, dated today. */
export function FundForm(props: { ctx: LedgerFormContext }) {
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<FundKind>();
  const [opening, setOpening] = createSignal('');
  return (
    <SheetForm
      submitTestId="ledger-submit"
      submitLabel={t('ledger.openFund')}
      done={props.ctx.done}
      testId="fund-form"
      submit={() => {
        const k = kind();
        if (!name().trim()) return { field: 'fundName', message: t('ledger.need.name') };
        if (!k) return { field: 'fundKind', message: t('ledger.need.kind') };
        const amount = opening().trim() ? readAmount(opening()) : { fen: 0 };
        if ('problem' in amount) return { field: 'amount', message: amountProblem(amount.problem) };
        openFund(props.ctx.session, {
          name: name(),
          kind: k,
          opening: {
            amount: amount.fen,
            source: 'other',
            payer: t('ledger.openingPayer'),
            day: props.ctx.today,
            receipts: [],
          },
        });
      }}
    >
      <TextField
        label={t('ledger.field.fundName')}
        placeholder={t('ledger.field.fundNamePlaceholder')}
        value={name()}
        onInput={setName}
        required
        maxLength={60}
        name="fundName"
      />
      <ChoiceGroup
        label={t('ledger.field.fundKind')}
        name="fundKind"
        options={fundKinds.map((k) => ({ value: k, label: t(`ledger.fundKind.${k}` as MessageKey) }))}
        value={kind()}
        onChange={setKind}
        required
        testId="fund-kind"
      />
      <AmountField
        label={t('ledger.field.opening')}
        hint={t('ledger.field.openingHint')}
        value={opening()}
        onInput={setOpening}
        required={false}
      />
    </SheetForm>
  );
}
