import { createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import type { Owner } from '../../../../shared/events/request.ts';
import { undecidedStages } from '../../../../shared/folds/index.ts';
import { parties } from '../../../../shared/roles.ts';
import { addDays } from '../../../../shared/time.ts';
import { appendPublic, optional } from '../../../domain/appendPublic.ts';
import { changedFields, changedFrom, draftText, useFormDraft, withDraft } from '../../../domain/formDraft.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { PhotoPicker } from '../../../media/PhotoPicker.tsx';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { DateField } from '../../../ui/DateField.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { canProgress } from '../steps.ts';
import type { ActionContext } from './context.ts';
import { SelectField } from './fields.tsx';

/** What a half-filled sheet with photos keeps across a reload: the camera may kill the tab. */
const NoteDraft = v.object({
  text: v.pipe(v.string(), v.maxLength(5000)),
  photos: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))), v.maxLength(20)),
});

/** What such a sheet keeps: nothing while nothing is filled in. */
const noteDraft = (text: string, photos: string[]) => (text.trim() || photos.length > 0 ? { text, photos } : undefined);

/** 签字确认 on paper: the recorder writes the names and photographs the signed sheet. */
export function PaperConfirmForm(props: { ctx: ActionContext }) {
  const draft = useFormDraft('draft-paper', props.ctx.session.compoundId, NoteDraft, props.ctx.visit);
  const [names, setNames] = createSignal(draft.initial?.text ?? '');
  const [photos, setPhotos] = createSignal<string[]>(draft.initial?.photos ?? []);
  draft.keep(() => noteDraft(names(), photos()));
  const [photosBusy, setPhotosBusy] = createSignal(false);
  return (
    <SheetForm
      submitLabel={t('form.save')}
      done={props.ctx.done}
      submit={() => {
        const list = names()
          .split(/[\n,，、;；]+/)
          .map((n) => n.trim())
          .filter(Boolean);
        if (list.length === 0) return { field: 'names', message: t('paper.needNames') };
        if (photosBusy()) return t('agenda.waitPhotos');
        if (photos().length === 0) return { field: 'photos', message: t('paper.needPhoto') };
        appendPublic(props.ctx.session, 'request.confirmed', {
          requestId: props.ctx.request.id,
          onPaper: { names: list, photos: photos() },
        });
        draft.clear();
      }}
    >
      <TextField
        label={t('paper.names')}
        hint={t('paper.namesHint')}
        value={names()}
        onInput={setNames}
        multiline
        required
        name="names"
      />
      <PhotoPicker label={t('paper.photo')} value={photos()} onChange={setPhotos} onBusy={setPhotosBusy} required />
    </SheetForm>
  );
}

const ownerKinds = [...parties, 'member'] as const;
type OwnerKind = (typeof ownerKinds)[number];

/** What a half-filled sheet keeps across a reload: a switch to WeChat may kill the tab. */
const AssignDraft = v.partial(
  v.object({
    kind: v.optional(v.picklist(ownerKinds)),
    memberId: draftText(100),
    deadline: draftText(20),
    note: draftText(1000),
  }),
);

export function AssignForm(props: { ctx: ActionContext }) {
  const current = props.ctx.request.assignment?.owner;
  const opening = {
    kind: (current ? ('party' in current ? current.party : 'member') : undefined) as OwnerKind | undefined,
    memberId: current && 'memberId' in current ? current.memberId : '',
    deadline: props.ctx.request.assignment?.deadline ?? '',
    note: '',
  };
  const draft = useFormDraft('draft-assign', props.ctx.session.compoundId, AssignDraft, props.ctx.visit);
  const kept = withDraft(opening, draft.initial);
  const [kind, setKind] = createSignal<OwnerKind | undefined>(kept.kind);
  const [memberId, setMemberId] = createSignal(kept.memberId);
  const [deadline, setDeadline] = createSignal(kept.deadline);
  const [note, setNote] = createSignal(kept.note);
  draft.keep(() => changedFields(opening, { kind: kind(), memberId: memberId(), deadline: deadline(), note: note() }));
  return (
    <SheetForm
      submitLabel={t('form.save')}
      done={props.ctx.done}
      testId="assign-form"
      submit={() => {
        const k = kind();
        if (!k) return { field: 'owner', message: t('assign.needOwner') };
        if (k === 'member' && !memberId()) return { field: 'member', message: t('assign.needMember') };
        if (!deadline()) return { field: 'deadline', message: t('assign.needDeadline') };
        if (props.ctx.request.stage === 'completed') return t('complete.tooLate');
        const owner: Owner = k === 'member' ? { memberId: memberId() } : { party: k };
        appendPublic(props.ctx.session, 'request.assigned', {
          requestId: props.ctx.request.id,
          owner,
          deadline: deadline(),
          ...optional('note', note()),
        });
        draft.clear();
      }}
    >
      <ChoiceGroup
        label={t('assign.owner')}
        name="owner"
        options={ownerKinds.map((k) => ({
          value: k as OwnerKind,
          label: k === 'member' ? t('assign.member') : t(`party.${k}` as MessageKey),
        }))}
        value={kind()}
        onChange={setKind}
        testId="assign-owner"
      />
      <Show when={kind() === 'member'}>
        <SelectField
          label={t('assign.memberPick')}
          value={memberId()}
          onChange={setMemberId}
          placeholder={t('assign.memberPlaceholder')}
          options={props.ctx.members.map((m) => ({
            value: m.memberId,
            label: m.party === 'none' ? m.name : `${m.name}（${t(`party.${m.party}` as MessageKey)}）`,
          }))}
          name="member"
        />
      </Show>
      <DateField
        label={t('assign.deadline')}
        value={deadline()}
        onInput={setDeadline}
        min={props.ctx.today}
        name="deadline"
        quick={[
          { label: t('assign.inAWeek'), day: addDays(props.ctx.today, 7) },
          { label: t('assign.inTwoWeeks'), day: addDays(props.ctx.today, 14) },
          { label: t('assign.inAMonth'), day: addDays(props.ctx.today, 30) },
        ]}
      />
      <TextField label={t('assign.note')} value={note()} onInput={setNote} multiline maxLength={1000} name="note" />
    </SheetForm>
  );
}

/** A note with optional photos: progress (办理进展) or the final result (办结). */
export function ReportForm(props: { ctx: ActionContext; kind: 'progress' | 'complete' }) {
  const draft = useFormDraft(`draft-${props.kind}`, props.ctx.session.compoundId, NoteDraft, props.ctx.visit);
  const [text, setText] = createSignal(draft.initial?.text ?? '');
  const [photos, setPhotos] = createSignal<string[]>(draft.initial?.photos ?? []);
  draft.keep(() => noteDraft(text(), photos()));
  const [photosBusy, setPhotosBusy] = createSignal(false);
  const label = () => (props.kind === 'progress' ? t('progress.note') : t('complete.result'));
  return (
    <SheetForm
      submitLabel={props.kind === 'progress' ? t('form.save') : t('complete.submit')}
      done={props.ctx.done}
      testId={`${props.kind}-form`}
      submit={() => {
        if (!text().trim()) return { field: 'text', message: t('form.fillRequired', { field: label() }) };
        if (photosBusy()) return t('agenda.waitPhotos');
        // Completed meanwhile on a phone that synced: the relay would refuse a step after it.
        if (!canProgress(props.ctx.request)) return t('complete.tooLate');
        const extra = photos().length ? { photos: photos() } : {};
        if (props.kind === 'progress')
          appendPublic(props.ctx.session, 'request.progressed', {
            requestId: props.ctx.request.id,
            note: text().trim(),
            ...extra,
          });
        else
          appendPublic(props.ctx.session, 'request.completed', {
            requestId: props.ctx.request.id,
            result: text().trim(),
            ...extra,
          });
        draft.clear();
      }}
    >
      <TextField label={label()} value={text()} onInput={setText} multiline required maxLength={2000} name="text" />
      <PhotoPicker value={photos()} onChange={setPhotos} onBusy={setPhotosBusy} />
    </SheetForm>
  );
}

/** A reason, then reopen (committee) or withdraw (the raiser). */
export function ReasonForm(props: { ctx: ActionContext; kind: 'reopen' | 'withdraw' }) {
  const draft = useFormDraft(`draft-${props.kind}`, props.ctx.session.compoundId, draftText(500), props.ctx.visit);
  const [reason, setReason] = createSignal(draft.initial ?? '');
  draft.keep(() => changedFrom('', reason()));
  const label = () => t(`${props.kind}.reason` as MessageKey);
  return (
    <SheetForm
      submitLabel={t(`action.${props.kind}` as MessageKey)}
      done={props.ctx.done}
      submit={() => {
        if (!reason().trim()) return { field: 'reason', message: t('form.fillRequired', { field: label() }) };
        // Decided, merged or withdrawn meanwhile on a phone that synced: the relay would refuse it.
        if (props.kind === 'withdraw' && !undecidedStages.includes(props.ctx.request.stage))
          return t('withdraw.tooLate');
        appendPublic(props.ctx.session, props.kind === 'reopen' ? 'request.reopened' : 'request.withdrawn', {
          requestId: props.ctx.request.id,
          reason: reason().trim(),
        });
        draft.clear();
      }}
    >
      <TextField
        label={label()}
        hint={props.kind === 'withdraw' ? t('withdraw.hint') : undefined}
        value={reason()}
        onInput={setReason}
        multiline
        required
        maxLength={500}
        name="reason"
      />
    </SheetForm>
  );
}

const starChoices = ['5', '4', '3', '2', '1'] as const;
type Stars = (typeof starChoices)[number];

const RateDraft = v.partial(
  v.object({
    stars: v.optional(v.picklist(starChoices)),
    solved: v.optional(v.picklist(['yes', 'no'])),
    comment: draftText(500),
  }),
);

export function RateForm(props: { ctx: ActionContext }) {
  const mine = props.ctx.request.ratings.find((r) => r.by === props.ctx.session.member.memberId);
  const opening = {
    stars: mine ? (String(mine.stars) as Stars) : undefined,
    solved: (mine?.solved === true ? 'yes' : mine?.solved === false ? 'no' : undefined) as 'yes' | 'no' | undefined,
    comment: '',
  };
  const draft = useFormDraft('draft-rate', props.ctx.session.compoundId, RateDraft, props.ctx.visit);
  const kept = withDraft(opening, draft.initial);
  const [stars, setStars] = createSignal<Stars | undefined>(kept.stars);
  const [solved, setSolved] = createSignal<'yes' | 'no' | undefined>(kept.solved);
  const [comment, setComment] = createSignal(kept.comment);
  draft.keep(() => changedFields(opening, { stars: stars(), solved: solved(), comment: comment() }));
  return (
    <SheetForm
      submitLabel={t('rate.submit')}
      done={props.ctx.done}
      testId="rate-form"
      submit={() => {
        const n = Number(stars());
        if (!n) return { field: 'stars', message: t('rate.needStars') };
        const s = solved();
        appendPublic(props.ctx.session, 'request.rated', {
          requestId: props.ctx.request.id,
          stars: n,
          ...(s ? { solved: s === 'yes' } : {}),
          ...optional('comment', comment()),
        });
        draft.clear();
      }}
    >
      <ChoiceGroup
        label={t('rate.stars')}
        name="stars"
        layout="rows"
        options={starChoices.map((n) => ({ value: n, label: t(`rate.star${n}` as MessageKey) }))}
        value={stars()}
        onChange={setStars}
        testId="rate-stars"
      />
      <ChoiceGroup
        label={t('rate.solved')}
        name="solved"
        options={[
          { value: 'yes' as const, label: t('request.solvedYes') },
          { value: 'no' as const, label: t('request.solvedNo') },
        ]}
        value={solved()}
        onChange={setSolved}
        testId="rate-solved"
      />
      <TextField label={t('rate.comment')} value={comment()} onInput={setComment} multiline maxLength={500} />
    </SheetForm>
  );
}
