import { createSignal } from 'solid-js';
import { type RuleKind, ruleKinds } from '../../../shared/events/points.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { now } from '../../domain/clock.ts';
import type { CompoundSession } from '../../domain/session.ts';
import { t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { SheetForm } from '../../ui/SheetForm.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { defineRule } from './actions.ts';

/** A new line of the rule list: what it rewards, how many points, from which day. */
export function RuleForm(props: { session: CompoundSession; done: () => void }) {
  const [name, setName] = createSignal('');
  const [points, setPoints] = createSignal('');
  const [kind, setKind] = createSignal<RuleKind>('duty_hour');
  // Adds or deducts, chosen rather than typed as a minus: a phone's number pad (iOS) has no minus key.
  const [sign, setSign] = createSignal<'add' | 'deduct'>('add');
  const [from, setFrom] = createSignal(shanghaiDay(now()));
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
      }}
      done={props.done}
      testId="rule-form"
    >
      <TextField label={t('points.ruleName')} value={name()} onInput={setName} required maxLength={60} name="name" />
      <ChoiceGroup
        label={t('points.ruleSign')}
        name="sign"
        options={[
          { value: 'add', label: t('points.ruleAdds') },
          { value: 'deduct', label: t('points.ruleDeducts') },
        ]}
        value={sign()}
        onChange={setSign}
      />
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
