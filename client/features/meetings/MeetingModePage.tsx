import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { guessCategory } from '../../domain/guessCategory.ts';
import { raiseRequest } from '../../domain/raiseRequest.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { createFieldError, FieldMessage, Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconCheck, IconPlus } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { meetingName } from './MeetingsPage.tsx';
import './meetings.css';

/**
 * Quick capture at a meeting: one sentence per request (who said it and the building if known),
 * Enter writes it down as a topic of this meeting and clears the line for the next one.
 */
export default function MeetingModePage() {
  const params = useParams<{ meetingId: string }>();
  const { session, path } = usePage();
  const view = usePublicView();
  const meeting = createMemo(() => view().compound.meetings.meetings[params.meetingId]);
  const captured = createMemo(() =>
    Object.values(view().compound.agenda.requests)
      .filter((r) => r.topicFor === params.meetingId)
      .sort((a, b) => b.raisedAt - a.raisedAt),
  );
  const [title, setTitle] = createSignal('');
  const [who, setWho] = createSignal('');
  const [building, setBuilding] = createSignal('');
  const [last, setLast] = createSignal<string>();
  let titleInput: HTMLInputElement | undefined;
  onMount(() => titleInput?.focus());

  const add = createSubmit(() => {
    const text = title().trim();
    if (!text) return { field: 'what', message: t('form.fillRequired', { field: t('capture.what') }) };
    raiseRequest(session, {
      title: text,
      category: guessCategory(text),
      building: building(),
      raisedFor: who(),
      meetingId: params.meetingId,
    });
    setLast(text);
    setTitle('');
    setWho('');
    setBuilding('');
    titleInput?.focus();
  });
  const whatError = createFieldError({ name: 'what' }, () => titleInput, add);

  return (
    <div class="meeting-mode" data-testid="meeting-mode-page">
      <PageHeader title={t('capture.title')} back={path('meetings', params.meetingId)} />
      <Show when={meeting()}>
        {(m) => (
          <p class="lead">
            {meetingName(m())} · {m().place}
          </p>
        )}
      </Show>
      <Form submit={add} class="form capture-form" testId="capture-form">
        <div class="field" classList={{ 'field-invalid': !!whatError.message() }}>
          <label class="field-label" for="capture-what">
            {t('capture.what')}
          </label>
          <FieldMessage id={whatError.id} message={whatError.message()} />
          <input
            id="capture-what"
            ref={titleInput}
            class="input input-large"
            name="what"
            enterkeyhint="done"
            autocomplete="off"
            maxLength={200}
            placeholder={t('capture.whatPlaceholder')}
            value={title()}
            aria-invalid={whatError.message() ? 'true' : undefined}
            aria-describedby={whatError.describedBy()}
            onInput={(e) => {
              whatError.edited();
              setTitle(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              // Enter that picks an input-method candidate is not "add".
              if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
            }}
          />
        </div>
        <div class="capture-extra">
          <div class="field">
            <label class="field-label" for="capture-who">
              {t('capture.who')}
              <span class="field-optional">{t('form.optional')}</span>
            </label>
            <input
              id="capture-who"
              class="input"
              name="who"
              autocomplete="off"
              maxLength={60}
              placeholder={t('capture.whoPlaceholder')}
              value={who()}
              onInput={(e) => setWho(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label class="field-label" for="capture-building">
              {t('capture.building')}
              <span class="field-optional">{t('form.optional')}</span>
            </label>
            <input
              id="capture-building"
              class="input"
              name="building"
              autocomplete="off"
              maxLength={40}
              placeholder={t('agenda.fieldBuildingPlaceholder')}
              value={building()}
              onInput={(e) => setBuilding(e.currentTarget.value)}
            />
          </div>
        </div>
        <FormError error={add.error()} />
        <button type="submit" class="btn btn-primary btn-block" data-testid="capture-add">
          <IconPlus size={26} />
          {t('capture.add')}
        </button>
        <p class="field-hint">{t('capture.hint')}</p>
      </Form>
      <p class="capture-status" role="status" aria-live="polite" data-testid="capture-status">
        <Show when={last()}>
          {(text) => (
            <span class="with-icon">
              <IconCheck size={22} />
              {t('capture.added', { title: text() })}
            </span>
          )}
        </Show>
      </p>
      <section class="section" aria-labelledby="captured-heading">
        <h2 id="captured-heading" data-testid="capture-count">
          {t('capture.count', { n: captured().length })}
        </h2>
        <ul class="rows" data-testid="captured-list">
          <For each={captured()}>
            {(r) => (
              <li class="row" data-testid="captured-item">
                <A href={path('agenda', r.id)} class="row-main row-link">
                  <span class="row-title">{r.title}</span>
                  <span class="row-sub">
                    {t(`category.${r.category}` as MessageKey)}
                    <Show when={r.raisedFor}> · {r.raisedFor}</Show>
                    <Show when={r.building}> · {r.building}</Show>
                  </span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </section>
    </div>
  );
}
