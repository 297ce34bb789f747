import { createUniqueId, For } from 'solid-js';
import type { MemberState } from '../../../../shared/folds/index.ts';
import { t } from '../../../i18n/index.ts';

/** Who visits a household: one committee member, or the committee as a whole. */
export function VisitorSelect(props: {
  members: readonly MemberState[];
  value: string;
  onChange: (memberId: string) => void;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t('care.visitor')}
      </label>
      <p class="field-hint">{t('care.visitorHint')}</p>
      <select
        id={id}
        class="input"
        name="visitor"
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('care.noVisitor')}</option>
        <For each={props.members}>{(m) => <option value={m.memberId}>{m.name}</option>}</For>
      </select>
    </div>
  );
}
