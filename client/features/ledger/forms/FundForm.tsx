import { createSignal } from 'solid-js';
import * as v from 'valibot';
import { type FundKind, fundKinds } from '../../../../shared/events/ledger.ts';
import { OPENING_PAYER } from '../../../../shared/folds/ledgerQueries.ts';
import { readAmount } from '../../../../shared/money.ts';
import { changedFields, draftText, useFormDraft } from '../../../domain/formDraft.ts';
import { openFund } from '../../../domain/ledgerWrites.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { amountProblem } from '../ledgerText.ts';
import type { LedgerFormContext } from './context.ts';
import { AmountField } from './fields.tsx';

/** What a half-opened fund keeps across a reload (a switch to WeChat may kill the tab). */
const FundDraft = v.partial(
  v.object({ name: draftText(60), kind: v.optional(v.picklist(fundKinds)), opening: draftText(40) }),
);

/** Opens a fund; an opening balance becomes its first income, dated today. */
export function FundForm(props: { ctx: LedgerFormContext }) {
  const draft = useFormDraft('draft-fund', props.ctx.session.compoundId, FundDraft, props.ctx.visit);
  const [name, setName] = createSignal(draft.initial?.name ?? '');
  const [kind, setKind] = createSignal<FundKind | undefined>(draft.initial?.kind);
  const [opening, setOpening] = createSignal(draft.initial?.opening ?? '');
  draft.keep(() =>
    changedFields({ name: '', kind: undefined, opening: '' }, { name: name(), kind: kind(), opening: opening() }),
  );
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
            // The same word in every language: readers see it in theirs (payerWords).
            payer: OPENING_PAYER,
            day: props.ctx.today,
            receipts: [],
          },
        });
        draft.clear();
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
