import { createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import { endStages } from '../../../../shared/folds/index.ts';
import { appendPublic, optional } from '../../../domain/appendPublic.ts';
import { changedFields, draftText, useFormDraft } from '../../../domain/formDraft.ts';
import { t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { ActionContext } from './context.ts';

// 小区吹哨、部门报到: a request raised to the community or a government department, and its answer.

const EscalateDraft = v.partial(
  v.object({
    to: v.optional(v.picklist(['community', 'department'])),
    department: draftText(60),
    note: draftText(1000),
  }),
);

export function EscalateForm(props: { ctx: ActionContext }) {
  const draft = useFormDraft('draft-escalate', props.ctx.session.compoundId, EscalateDraft, props.ctx.visit);
  const [to, setTo] = createSignal<'community' | 'department' | undefined>(draft.initial?.to);
  const [department, setDepartment] = createSignal(draft.initial?.department ?? '');
  const [note, setNote] = createSignal(draft.initial?.note ?? '');
  draft.keep(() =>
    changedFields({ to: undefined, department: '', note: '' }, { to: to(), department: department(), note: note() }),
  );
  return (
    <SheetForm
      submitLabel={t('escalate.submit')}
      done={props.ctx.done}
      submit={() => {
        const target = to();
        if (!target) return { field: 'to', message: t('escalate.choose') };
        if (target === 'department' && !department().trim())
          return { field: 'department', message: t('form.fillRequired', { field: t('escalate.departmentName') }) };
        if (props.ctx.request.stage === 'completed') return t('complete.tooLate');
        if (endStages.includes(props.ctx.request.stage)) return t('request.endedMeanwhile');
        appendPublic(props.ctx.session, 'request.escalated', {
          requestId: props.ctx.request.id,
          to: target,
          ...(target === 'department' ? { department: department().trim() } : {}),
          ...optional('note', note()),
        });
        draft.clear();
      }}
    >
      <p class="field-hint">{t('escalate.hint')}</p>
      <ChoiceGroup
        label={t('escalate.to')}
        name="to"
        options={[
          { value: 'community' as const, label: t('escalate.community') },
          { value: 'department' as const, label: t('escalate.department') },
        ]}
        value={to()}
        onChange={setTo}
      />
      <Show when={to() === 'department'}>
        <TextField
          label={t('escalate.departmentName')}
          placeholder={t('escalate.departmentPlaceholder')}
          value={department()}
          onInput={setDepartment}
          required
          maxLength={60}
          name="department"
        />
      </Show>
      <TextField label={t('escalate.note')} value={note()} onInput={setNote} multiline maxLength={1000} name="note" />
    </SheetForm>
  );
}

const AnswerDraft = v.object({ escalationId: draftText(100), answer: draftText(2000) });

export function AnswerForm(props: { ctx: ActionContext; escalationId: string }) {
  const draft = useFormDraft('draft-answer', props.ctx.session.compoundId, AnswerDraft, props.ctx.visit);
  // A draft answers the escalation it was written for (the visit is named with it, so it is that one).
  const kept = draft.initial?.escalationId === props.escalationId ? draft.initial.answer : '';
  const [answer, setAnswer] = createSignal(kept);
  draft.keep(() => (answer() ? { escalationId: props.escalationId, answer: answer() } : undefined));
  return (
    <SheetForm
      submitLabel={t('form.save')}
      done={props.ctx.done}
      submit={() => {
        if (!answer().trim()) return { field: 'answer', message: t('form.fillRequired', { field: t('answer.text') }) };
        // Answered meanwhile on a phone that synced: the relay would refuse a second answer.
        const escalation = props.ctx.request.escalations.find((x) => x.eventId === props.escalationId);
        if (escalation?.answer) return t('answer.tooLate');
        const stage = props.ctx.request.stage;
        if (stage === 'withdrawn' || stage === 'merged') return t('request.endedMeanwhile');
        appendPublic(props.ctx.session, 'request.answered', {
          requestId: props.ctx.request.id,
          escalationId: props.escalationId,
          answer: answer().trim(),
        });
        draft.clear();
      }}
    >
      <TextField
        label={t('answer.text')}
        value={answer()}
        onInput={setAnswer}
        multiline
        required
        maxLength={2000}
        name="answer"
      />
    </SheetForm>
  );
}
