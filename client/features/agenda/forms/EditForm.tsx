import { createSignal, For } from 'solid-js';
import * as v from 'valibot';
import { undecidedStages } from '../../../../shared/folds/index.ts';
import { editRequest, type RequestWords, requestEdit, wordsOf } from '../../../domain/editRequest.ts';
import { draftText, useFormDraft } from '../../../domain/formDraft.ts';
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

const text = (max: number) => v.optional(draftText(max));
/** Only the fields the raiser changed: one edited on another phone meanwhile is not put back. */
const EditDraft = v.object({ title: text(200), building: text(40), location: text(100), detail: text(4000) });

/** The raiser corrects the words of their request before it is decided (request.edited). */
export function EditForm(props: { ctx: ActionContext }) {
  const opening = wordsOf(props.ctx.request);
  const draft = useFormDraft('draft-edit', props.ctx.session.compoundId, EditDraft, props.ctx.visit);
  const [words, setWords] = createSignal<RequestWords>({ ...opening, ...draft.initial });
  const set = (field: keyof RequestWords) => (value: string) => setWords((w) => ({ ...w, [field]: value }));
  draft.keep(() => {
    const changed = fields.filter((f) => words()[f.name] !== opening[f.name]);
    return changed.length > 0 ? Object.fromEntries(changed.map((f) => [f.name, words()[f.name]])) : undefined;
  });
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
          draft.clear();
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
