import { useNavigate } from '@solidjs/router';
import { createUniqueId, For } from 'solid-js';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';

/** For the committee: open one member's points to correct a line. Names only, in joining order: no ranking. */
export function MemberPicker() {
  const { path } = usePage();
  const navigate = useNavigate();
  const members = useMembers();
  const id = createUniqueId();
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t('points.memberPick')}
      </label>
      <select
        id={id}
        class="input"
        name="member"
        value=""
        onChange={(e) => e.currentTarget.value && navigate(path('points', 'member', e.currentTarget.value))}
        data-testid="member-pick"
      >
        <option value="">{t('points.memberPickNone')}</option>
        <For each={members().active}>{(m) => <option value={m.memberId}>{m.name}</option>}</For>
      </select>
    </div>
  );
}
