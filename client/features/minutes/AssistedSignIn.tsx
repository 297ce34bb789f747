import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Attendee } from '../../../shared/events/meeting.ts';
import { type MemberParty, parties } from '../../../shared/roles.ts';
import type { MemberView } from '../../domain/useMembers.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { memberKind } from '../../i18n/memberKind.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { createSubmit } from '../../ui/createSubmit.ts';
import { createFieldError, FieldMessage, Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconCheck } from '../../ui/icons.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** Committee first, then by name as a Chinese phone book sorts (pinyin order in zh-CN). */
function byCommitteeThenName(locale: string): (a: MemberView, b: MemberView) => number {
  const collator = new Intl.Collator(locale);
  const rank = (m: MemberView) => (m.role === 'committee' || m.role === 'admin' ? 0 : 1);
  return (a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name);
}

/** How a member reads in the list: a partner by their unit, anyone else by their party. */
function memberLabel(m: MemberView): string {
  const what = m.unit !== undefined ? memberKind(m) : t(`party.${m.party}` as MessageKey);
  return `${m.name}（${what}）`;
}

/**
 * The chair signs in a member without a phone (found by a character of their name, picked from the
 * members) or a guest by name and party; the form then says whom it signed in.
 */
export function AssistedSignIn(props: {
  members: MemberView[];
  signedIn: (memberId: string) => boolean;
  onSignIn: (attendee: Attendee) => void;
}) {
  const [who, setWho] = createSignal<'member' | 'guest'>('member');
  const [memberId, setMemberId] = createSignal('');
  const [name, setName] = createSignal('');
  const [party, setParty] = createSignal<MemberParty>('none');
  const [search, setSearch] = createSignal('');
  const [done, setDone] = createSignal('');
  const choices = createMemo(() =>
    props.members.filter((m) => !props.signedIn(m.memberId)).sort(byCommitteeThenName(intlLocale())),
  );
  const shown = createMemo(() => {
    const q = search().trim();
    return q ? choices().filter((m) => m.name.includes(q)) : choices();
  });
  const searchFor = (text: string) => {
    setSearch(text);
    setMemberId('');
    setDone('');
  };
  // One name left after the search is the one picked: no second step with the list.
  const picked = () => memberId() || (shown().length === 1 ? (shown()[0]?.memberId ?? '') : '');
  const form = createSubmit(() => {
    setDone('');
    if (who() === 'member') {
      const m = shown().find((c) => c.memberId === picked());
      if (!m) return { field: 'assist-member', message: t('minutes.assistPickMember') };
      props.onSignIn({ memberId: m.memberId, party: m.party });
      setMemberId('');
      setSearch('');
      setDone(m.name);
      return;
    }
    if (!name().trim()) return { field: 'guest', message: t('form.fillRequired', { field: t('minutes.guestName') }) };
    props.onSignIn({ name: name().trim(), party: party() });
    setDone(name().trim());
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
          <div class="field">
            <label class="field-label" for="assist-search">
              {t('minutes.assistSearch')}
            </label>
            <p class="field-hint" id="assist-search-hint">
              {t('minutes.assistSearchHint')}
            </p>
            {/* Pinyin being composed is not a name yet: the list narrows when a character is chosen. */}
            <input
              id="assist-search"
              type="search"
              class="input minutes-assist-search"
              value={search()}
              maxLength={20}
              autocomplete="off"
              aria-describedby="assist-search-hint"
              onInput={(e) => {
                if (!e.isComposing) searchFor(e.currentTarget.value);
              }}
              onCompositionEnd={(e) => searchFor(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
              }}
              data-testid="assist-search"
            />
          </div>
          <Show when={search().trim() && shown().length === 0}>
            <p class="field-hint" data-testid="assist-no-match">
              {t('minutes.assistNoMatch', { text: search().trim() })}
            </p>
          </Show>
          <div class="field" classList={{ 'field-invalid': !!memberError.message() }}>
            <label class="field-label" for="assist-member">
              {t('minutes.assistMember')}
            </label>
            <FieldMessage id={memberError.id} message={memberError.message()} />
            <select
              ref={select}
              id="assist-member"
              class="input"
              value={picked()}
              aria-invalid={memberError.message() ? 'true' : undefined}
              aria-describedby={memberError.describedBy()}
              onChange={(e) => {
                memberError.edited();
                setDone('');
                setMemberId(e.currentTarget.value);
              }}
              data-testid="assist-member"
            >
              <option value="">{t('minutes.assistChoose')}</option>
              <For each={shown()}>{(m) => <option value={m.memberId}>{memberLabel(m)}</option>}</For>
            </select>
          </div>
        </Show>
        <FormError error={form.error()} />
        <p class="minutes-signed-in with-icon" role="status" data-testid="assist-done" hidden={!done()}>
          <Show when={done()}>
            <IconCheck size={26} />
            {t('minutes.assistDone', { name: done() })}
          </Show>
        </p>
        <button type="submit" class="btn btn-primary btn-block" data-testid="assist-submit">
          {t('minutes.assistSubmit')}
        </button>
      </Form>
    </details>
  );
}
