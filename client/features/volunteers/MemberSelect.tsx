import { createUniqueId, For } from 'solid-js';
import type { MemberState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';

/** A labelled choice of one member (or none), for a team's lead. */
export function MemberSelect(props: {
  label: string;
  members: readonly MemberState[];
  value: string;
  onChange: (memberId: string) => void;
  name?: string;
}) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {props.label}
        <span class="field-optional">{t('form.optional')}</span>
      </label>
      <select
        id={id}
        class="input"
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="">{t('volunteers.noLead')}</option>
        <For each={props.members}>{(m) => <option value={m.memberId}>{m.name}</option>}</For>
      </select>
    </div>
  );
}
