import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Attendee } from '../../../shared/events/meeting.ts';
import { type MemberParty, parties } from '../../../shared/roles.ts';
import type { MemberView } from '../../domain/useMembers.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { createFieldError, FieldMessage, Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** The chair signs in a member without a phone (picked from the members) or a guest by name and party. */
export function AssistedSignIn(props: {
  members: MemberView[];
  signedIn: (memberId: string) => boolean;
  onSignIn: (attendee: Attendee) => void;
}) {
  const [who, setWho] = createSignal<'member' | 'guest'>('member');
  const [memberId, setMemberId] = createSignal('');
  const [name, setName] = createSignal('');
  const [party, setParty] = createSignal<MemberParty>('none');
  const choices = createMemo(() => props.members.filter((m) => !props.signedIn(m.memberId)));
  const form = createSubmit(() => {
    if (who() === 'member') {
      const m = choices().find((c) => c.memberId === memberId());
      if (!m) return { field: 'assist-member', message: t('minutes.assistPickMember') };
      props.onSignIn({ memberId: m.memberId, party: m.party });
      setMemberId('');
      return;
    }
    if (!name().trim()) return { field: 'guest', message: t('form.fillRequired', { field: t('minutes.guestName') }) };
    props.onSignIn({ name: name().trim(), party: party() });
    setName('');
  });
  let select: HTMLSelectElement | undefined;
  const memberError = createFieldError({ name: 'assist-member' }, () => select, form);
  return (
    <details class="minutes-assist" data-testid="assist">
      <summary class="btn btn-secondary btn-block" data-testid="assist-open">
        {t('minutes.assistOpen')}
      </summary>
      <Form submit={form} testId="assist-form">
        <ChoiceGroup
          label={t('minutes.assistWho')}
          name="assist-who"
          options={[
            { value: 'member', label: t('minutes.assistMember') },
            { value: 'guest', label: t('minutes.assistGuest') },
          ]}
          value={who()}
          onChange={setWho}
          testId="assist-who"
        />
        <Show
          when={who() === 'member'}
          fallback={
            <>
              <TextField
                label={t('minutes.guestName')}
                value={name()}
                onInput={setName}
                maxLength={60}
                required
                name="guest"
              />
              <ChoiceGroup
                label={t('minutes.guestParty')}
                name="guest-party"
                options={[...parties, 'none' as const].map((p) => ({ value: p, label: t(`party.${p}` as MessageKey) }))}
                value={party()}
                onChange={setParty}
                testId="guest-party"
              />
              <p class="field-hint" data-testid="guest-no-sign">
                {t('minutes.guestNoSign')}
              </p>
            </>
          }
        >
          <div class="field" classList={{ 'field-invalid': !!memberError.message() }}>
            <label class="field-label" for="assist-member">
              {t('minutes.assistMember')}
            </label>
            <FieldMessage id={memberError.id} message={memberError.message()} />
            <select
              ref={select}
              id="assist-member"
              class="input"
              value={memberId()}
              aria-invalid={memberError.message() ? 'true' : undefined}
              aria-describedby={memberError.describedBy()}
              onChange={(e) => {
                memberError.edited();
                setMemberId(e.currentTarget.value);
              }}
              data-testid="assist-member"
            >
              <option value="">{t('minutes.assistChoose')}</option>
              <For each={choices()}>
                {(m) => (
                  <option value={m.memberId}>
                    {m.name}（{t(`party.${m.party}` as MessageKey)}）
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <FormError error={form.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="assist-submit">
          {t('minutes.assistSubmit')}
        </button>
      </Form>
    </details>
  );
}
