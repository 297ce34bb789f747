import { createSignal, Show } from 'solid-js';
import { guessCategory } from '../../domain/guessCategory.ts';
import { raiseRequest } from '../../domain/raiseRequest.ts';
import { usePage } from '../../domain/usePage.ts';
import { t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { createFieldError, FieldMessage, Form } from '../../ui/Form.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { IconPlus } from '../../ui/icons.tsx';

/** Any member adds a topic for this meeting in one line: a request raised "for this meeting". */
export function AddTopicForm(props: { meetingId: string }) {
  const { session } = usePage();
  const [title, setTitle] = createSignal('');
  const [added, setAdded] = createSignal<string>();
  const form = createSubmit(() => {
    const text = title().trim();
    if (!text) return { field: 'topic', message: t('form.fillRequired', { field: t('meetings.topicField') }) };
    raiseRequest(session, { title: text, category: guessCategory(text), meetingId: props.meetingId });
    setAdded(text);
    setTitle('');
  });
  let input: HTMLInputElement | undefined;
  const topicError = createFieldError({ name: 'topic' }, () => input, form);
  return (
    <Form submit={form} class="form add-topic" testId="add-topic">
      <div class="field" classList={{ 'field-invalid': !!topicError.message() }}>
        <label class="field-label" for="topic-title">
          {t('meetings.topicField')}
        </label>
        <FieldMessage id={topicError.id} message={topicError.message()} />
        <input
          ref={input}
          id="topic-title"
          class="input"
          name="topic"
          autocomplete="off"
          maxLength={200}
          placeholder={t('meetings.topicPlaceholder')}
          value={title()}
          aria-invalid={topicError.message() ? 'true' : undefined}
          aria-describedby={topicError.describedBy()}
          onInput={(e) => {
            topicError.edited();
            setTitle(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            // Enter that picks an input-method candidate is not "add".
            if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229)) e.preventDefault();
          }}
        />
        <p class="field-hint">{t('meetings.topicHint')}</p>
      </div>
      <FormError error={form.error()} />
      <button type="submit" class="btn btn-primary btn-block" data-testid="add-topic-submit">
        <IconPlus size={26} />
        {t('meetings.topicAdd')}
      </button>
      <p class="capture-status" role="status" aria-live="polite">
        <Show when={added()}>{(text) => t('capture.added', { title: text() })}</Show>
      </p>
    </Form>
  );
}
