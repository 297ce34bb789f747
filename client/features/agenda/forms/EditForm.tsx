import { createSignal, For } from 'solid-js';
import { undecidedStages } from '../../../../shared/folds/index.ts';
import { editRequest, type RequestWords, requestEdit, wordsOf } from '../../../domain/editRequest.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { ActionContext } from './context.ts';

/** The form's fields, in the raise form's order, with the event's limits. */
const fields: { name: keyof RequestWords; label: MessageKey; max: number }[] = [
  { name: 'title', label: 'agenda.fieldTitle', max: 200 },
  { name: 'building', label: 'agenda.fieldBuilding', max: 40 },
  { name: 'location', label: 'agenda.fieldLocation', max: 100 },
  { name: 'detail', label: 'agenda.fieldDetail', max: 4000 },
];
/** The words a field is called by, on the form and in the record. */
export const labelOf = (name: keyof RequestWords): MessageKey =>
  fields.find((f) => f.name === name)?.label ?? 'agenda.fieldTitle';

/** The raiser corrects the words of their request before it is decided (request.edited). */
export function EditForm(props: { ctx: ActionContext }) {
  const [words, setWords] = createSignal<RequestWords>(wordsOf(props.ctx.request));
  const set = (field: keyof RequestWords) => (value: string) => setWords((w) => ({ ...w, [field]: value }));
  return (
    <SheetForm
      submitLabel={t('edit.submit')}
      done={props.ctx.done}
      testId="edit-form"
      submit={() => {
        // Decided, merged or withdrawn meanwhile on a phone that synced: the relay would refuse it.
        if (!undecidedStages.includes(props.ctx.request.stage)) return t('request.endedMeanwhile');
        const edit = requestEdit(props.ctx.request, words());
        if ('patch' in edit) {
          editRequest(props.ctx.session, props.ctx.request.id, edit.patch);
          return undefined;
        }
        if (edit.code === 'cannot_clear')
          return { field: edit.field, message: t('edit.cannotClear', { field: t(labelOf(edit.field)) }) };
        if (edit.code === 'title_empty') return { field: 'title', message: t('edit.titleEmpty') };
        return t('edit.nothingChanged');
      }}
    >
      <p class="muted">{t('edit.hint')}</p>
      <For each={fields}>
        {(f) => (
          <TextField
            label={t(f.label)}
            value={words()[f.name]}
            onInput={set(f.name)}
            required={f.name === 'title'}
            multiline={f.name === 'detail'}
            maxLength={f.max}
            name={f.name}
          />
        )}
      </For>
    </SheetForm>
  );
}
