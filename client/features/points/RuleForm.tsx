import { createSignal } from 'solid-js';
import * as v from 'valibot';
import { type RuleKind, ruleKinds } from '../../../shared/events/points.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../domain/formDraft.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { defineRule } from './actions.ts';
import type { Sign } from './amount.ts';
import { SignChoice } from './SignChoice.tsx';

/** What a half-written rule keeps across a reload (a switch to WeChat may kill the tab). */
const RuleDraft = v.partial(
  v.object({
    name: draftText(60),
    points: draftText(10),
    kind: v.picklist(ruleKinds),
    sign: v.picklist(['add', 'deduct']),
    from: draftText(20),
  }),
);

/** A new line of the rule list: what it rewards, how many points, from which day. */
export function RuleForm(props: { session: CompoundSession; visit: string; done: () => void }) {
  const opening = {
    name: '',
    points: '',
    kind: 'duty_hour' as RuleKind,
    sign: 'add' as Sign,
    from: shanghaiDay(now()),
  };
  const draft = useFormDraft('draft-rule', props.session.compoundId, RuleDraft, props.visit);
  const kept = withDraft(opening, draft.initial);
  const [name, setName] = createSignal(kept.name);
  const [points, setPoints] = createSignal(kept.points);
  const [kind, setKind] = createSignal<RuleKind>(kept.kind);
  // Adds or deducts, chosen rather than typed as a minus: a phone's number pad (iOS) has no minus key.
  const [sign, setSign] = createSignal<Sign>(kept.sign);
  const [from, setFrom] = createSignal(kept.from);
  draft.keep(() =>
    changedFields(opening, { name: name(), points: points(), kind: kind(), sign: sign(), from: from() }),
  );
  return (
    <SheetForm
      submitLabel={t('points.addRule')}
      submit={() => {
        if (!name().trim()) return { field: 'name', message: t('form.fillRequired', { field: t('points.ruleName') }) };
        const n = points().trim() === '' ? Number.NaN : Number(points().trim());
        if (!Number.isInteger(n) || n === 0 || Math.abs(n) > 1000)
          return { field: 'points', message: t('points.pointsInvalid') };
        // A minus typed anyway (a keyboard that has one) deducts too.
        const signed = sign() === 'deduct' ? -Math.abs(n) : n;
        defineRule(props.session, { name: name(), points: signed, kind: kind(), from: from() });
        draft.clear();
      }}
      done={props.done}
      testId="rule-form"
    >
      <TextField label={t('points.ruleName')} value={name()} onInput={setName} required maxLength={60} name="name" />
      <SignChoice value={sign()} onChange={setSign} />
      <TextField
        label={t('points.rulePoints')}
        hint={t('points.rulePointsHint')}
        value={points()}
        onInput={setPoints}
        required
        inputMode="numeric"
        name="points"
      />
      <ChoiceGroup
        label={t('points.ruleKind')}
        name="kind"
        layout="rows"
        options={ruleKinds.map((k) => ({ value: k, label: t(`points.kind.${k}`) }))}
        value={kind()}
        onChange={setKind}
      />
      <DateField label={t('points.ruleFrom')} value={from()} onInput={setFrom} name="from" />
    </SheetForm>
  );
}
