import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import * as v from 'valibot';
import {
  type Category,
  categories,
  type Outcome,
  outcomes,
  type Priority,
  priorities,
} from '../../../../shared/events/request.ts';
import { titleMatches } from '../../../../shared/folds/agendaList.ts';
import { endStages, type Stage, undecidedStages, voteCounts } from '../../../../shared/folds/index.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { appendPublic } from '../../../domain/appendPublic.ts';
import { changedFields, draftText, useFormDraft, withDraft } from '../../../domain/formDraft.ts';
import { compoundPath } from '../../../domain/usePage.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { requestChoiceLabel } from '../../../ui/requestChoice.ts';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { ActionContext } from './context.ts';
import { NumberField } from './fields.tsx';

/** Where a request is deliberated: scheduled, counted and decided. */
const decidable: readonly Stage[] = ['classified', 'scheduled'];

/** What a half-filled sheet keeps across a reload (a switch to WeChat may kill the tab). */
const ClassifyDraft = v.partial(v.object({ category: v.picklist(categories), priority: v.picklist(priorities) }));

export function ClassifyForm(props: { ctx: ActionContext }) {
  const opening = { category: props.ctx.request.category, priority: props.ctx.request.priority ?? 'normal' };
  const draft = useFormDraft('draft-classify', props.ctx.session.compoundId, ClassifyDraft, props.ctx.visit);
  const [category, setCategory] = createSignal<Category>(draft.initial?.category ?? opening.category);
  const [priority, setPriority] = createSignal<Priority>(draft.initial?.priority ?? opening.priority);
  draft.keep(() => changedFields(opening, { category: category(), priority: priority() }));
  return (
    <SheetForm
      submitLabel={t('form.save')}
      done={props.ctx.done}
      submit={() => {
        // Rejected, merged or withdrawn meanwhile on a phone that synced: the relay would refuse it.
        if (endStages.includes(props.ctx.request.stage)) return t('request.endedMeanwhile');
        appendPublic(props.ctx.session, 'request.classified', {
          requestId: props.ctx.request.id,
          category: category(),
          priority: priority(),
        });
        draft.clear();
      }}
    >
      <ChoiceGroup
        label={t('classify.category')}
        name="category"
        options={categories.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) }))}
        value={category()}
        onChange={setCategory}
        testId="classify-category"
      />
      <ChoiceGroup
        label={t('classify.priority')}
        name="priority"
        options={priorities.map((p) => ({ value: p, label: t(`priority.${p}` as MessageKey) }))}
        value={priority()}
        onChange={setPriority}
        testId="classify-priority"
      />
    </SheetForm>
  );
}

const MergeDraft = v.partial(
  v.object({
    search: draftText(200),
    into: v.optional(draftText(100)),
  }),
);

export function MergeForm(props: { ctx: ActionContext }) {
  const draft = useFormDraft('draft-merge', props.ctx.session.compoundId, MergeDraft, props.ctx.visit);
  const [search, setSearch] = createSignal(draft.initial?.search ?? '');
  const [into, setInto] = createSignal<string | undefined>(draft.initial?.into);
  draft.keep(() => changedFields({ search: '', into: undefined }, { search: search(), into: into() }));
  const candidates = createMemo(() =>
    Object.values(props.ctx.view.compound.agenda.requests)
      .filter((r) => r.id !== props.ctx.request.id && !endStages.includes(r.stage) && titleMatches(r, search()))
      .sort((a, b) => b.raisedAt - a.raisedAt)
      .slice(0, 8),
  );
  return (
    <SheetForm
      submitLabel={t('merge.submit')}
      done={props.ctx.done}
      submit={() => {
        const target = into();
        if (!target) return { field: 'merge-into', message: t('merge.choose') };
        if (!undecidedStages.includes(props.ctx.request.stage)) return t('merge.tooLate');
        const survivor = props.ctx.view.compound.agenda.requests[target];
        if (!survivor || endStages.includes(survivor.stage)) return t('merge.targetEnded');
        appendPublic(props.ctx.session, 'request.merged', { requestId: props.ctx.request.id, intoId: target });
        draft.clear();
      }}
    >
      <p>{t('merge.hint')}</p>
      <TextField label={t('merge.search')} value={search()} onInput={setSearch} name="merge-search" />
      <Show when={candidates().length > 0} fallback={<p class="empty">{t('merge.none')}</p>}>
        <ChoiceGroup
          label={t('merge.into')}
          name="merge-into"
          layout="rows"
          options={candidates().map((r) => ({ value: r.id, label: requestChoiceLabel(r) }))}
          value={into()}
          onChange={setInto}
          testId="merge-candidates"
        />
      </Show>
    </SheetForm>
  );
}

/** Puts the request on a scheduled meeting's agenda, or leads to scheduling one when there is none. */
export function ScheduleForm(props: { ctx: ActionContext }) {
  const meetings = createMemo(() =>
    Object.values(props.ctx.view.compound.meetings.meetings)
      .filter((m) => m.status === 'scheduled')
      .sort((a, b) => a.startsAt - b.startsAt),
  );
  const [meetingId, setMeetingId] = createSignal<string | undefined>(props.ctx.request.meetingId ?? undefined);
  return (
    <Show
      when={meetings().length > 0}
      fallback={
        <div class="stack">
          <p>{t('schedule.none')}</p>
          <A href={compoundPath(props.ctx.session.compoundId, 'meetings', 'new')} class="btn btn-primary">
            {t('schedule.create')}
          </A>
        </div>
      }
    >
      <SheetForm
        submitLabel={t('form.save')}
        done={props.ctx.done}
        submit={() => {
          const id = meetingId();
          if (!id) return { field: 'meeting', message: t('schedule.choose') };
          // Decided or ended meanwhile on a phone that synced: the relay would refuse it.
          if (!decidable.includes(props.ctx.request.stage)) return t('request.endedMeanwhile');
          appendPublic(props.ctx.session, 'request.scheduled', { requestId: props.ctx.request.id, meetingId: id });
        }}
      >
        <ChoiceGroup
          label={t('schedule.meeting')}
          name="meeting"
          layout="rows"
          options={meetings().map((m) => ({
            value: m.meetingId,
            label: `${t(`meetingKind.${m.kind}` as MessageKey)} · ${formatDateTime(m.startsAt, intlLocale())} · ${m.place}`,
          }))}
          value={meetingId()}
          onChange={setMeetingId}
          testId="schedule-meetings"
        />
      </SheetForm>
    </Show>
  );
}

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));
const TallyDraft = v.partial(v.object({ for: count, against: count, abstain: count }));

export function TallyForm(props: { ctx: ActionContext }) {
  const current = props.ctx.request.tally;
  const opening = { for: current?.for ?? 0, against: current?.against ?? 0, abstain: current?.abstain ?? 0 };
  const draft = useFormDraft('draft-tally', props.ctx.session.compoundId, TallyDraft, props.ctx.visit);
  const kept = withDraft(opening, draft.initial);
  const [forN, setFor] = createSignal(kept.for);
  const [against, setAgainst] = createSignal(kept.against);
  const [abstain, setAbstain] = createSignal(kept.abstain);
  draft.keep(() => changedFields(opening, { for: forN(), against: against(), abstain: abstain() }));
  return (
    <SheetForm
      submitLabel={t('form.save')}
      done={props.ctx.done}
      testId="tally-form"
      submit={() => {
        if (forN() + against() + abstain() === 0) return t('tally.empty');
        if (!decidable.includes(props.ctx.request.stage)) return t('request.endedMeanwhile');
        appendPublic(props.ctx.session, 'request.tallied', {
          requestId: props.ctx.request.id,
          tally: { for: forN(), against: against(), abstain: abstain() },
        });
        draft.clear();
      }}
    >
      <p class="field-hint">{t('tally.hint')}</p>
      <div class="tally-fields">
        <NumberField label={t('vote.for')} value={forN()} onInput={setFor} name="for" />
        <NumberField label={t('vote.against')} value={against()} onInput={setAgainst} name="against" />
        <NumberField label={t('vote.abstain')} value={abstain()} onInput={setAbstain} name="abstain" />
      </div>
    </SheetForm>
  );
}

const DecideDraft = v.partial(
  v.object({
    outcome: v.optional(v.picklist(outcomes)),
    note: draftText(2000),
  }),
);

export function DecideForm(props: { ctx: ActionContext }) {
  const draft = useFormDraft('draft-decide', props.ctx.session.compoundId, DecideDraft, props.ctx.visit);
  const [outcome, setOutcome] = createSignal<Outcome | undefined>(draft.initial?.outcome);
  const [note, setNote] = createSignal(draft.initial?.note ?? '');
  draft.keep(() => changedFields({ outcome: undefined, note: '' }, { outcome: outcome(), note: note() }));
  const tally = () => props.ctx.request.tally;
  return (
    <SheetForm
      submitLabel={t('decide.submit')}
      done={props.ctx.done}
      testId="decide-form"
      submit={() => {
        const o = outcome();
        if (!o) return { field: 'outcome', message: t('decide.choose') };
        // Decided meanwhile on a phone that synced: the relay would refuse a second decision.
        if (!decidable.includes(props.ctx.request.stage)) return t('decide.tooLate');
        const current = tally();
        appendPublic(props.ctx.session, 'request.decided', {
          requestId: props.ctx.request.id,
          outcome: o,
          note: note().trim(),
          ...(current ? { tally: current } : {}),
        });
        draft.clear();
      }}
    >
      {/* What the decision rests on, in the sheet itself: a decision taken on one vote, or none, shows it. */}
      <Show when={tally()}>
        {(x) => (
          <p class="note" data-testid="decide-tally">
            {t('request.tally', { for: x().for, against: x().against, abstain: x().abstain })}
          </p>
        )}
      </Show>
      <Show when={props.ctx.request.votes.length > 0}>
        <p class="note" data-testid="decide-votes">
          {t('request.votes', voteCounts(props.ctx.request))}
        </p>
      </Show>
      <Show when={!tally() && props.ctx.request.votes.length === 0}>
        <p class="note" data-testid="decide-no-count">
          {t('decide.noCount')}
        </p>
      </Show>
      <ChoiceGroup
        label={t('decide.outcome')}
        name="outcome"
        layout="rows"
        options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}` as MessageKey) }))}
        value={outcome()}
        onChange={setOutcome}
        testId="decide-outcome"
      />
      <TextField label={t('decide.note')} value={note()} onInput={setNote} multiline maxLength={2000} name="note" />
    </SheetForm>
  );
}
