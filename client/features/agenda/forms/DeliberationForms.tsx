import { A } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import {
  type Category,
  categories,
  type Outcome,
  outcomes,
  type Priority,
  priorities,
} from '../../../../shared/events/request.ts';
import { titleMatches } from '../../../../shared/folds/agendaList.ts';
import { endStages, type Stage, undecidedStages } from '../../../../shared/folds/index.ts';
import { formatDateTime } from '../../../../shared/time.ts';
import { appendPublic } from '../../../domain/appendPublic.ts';
import { compoundPath } from '../../../domain/usePage.ts';
import { intlLocale, type MessageKey, t } from '../../../i18n/index.ts';
import { ChoiceGroup } from '../../../ui/ChoiceGroup.tsx';
import { SheetForm } from '../../../ui/SheetForm.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { ActionContext } from './context.ts';
import { NumberField } from './fields.tsx';

/** Where a request is deliberated: scheduled, counted and decided. */
const decidable: readonly Stage[] = ['classified', 'scheduled'];

export function ClassifyForm(props: { ctx: ActionContext }) {
  const [category, setCategory] = createSignal<Category>(props.ctx.request.category);
  const [priority, setPriority] = createSignal<Priority>(props.ctx.request.priority ?? 'normal');
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

export function MergeForm(props: { ctx: ActionContext }) {
  const [search, setSearch] = createSignal('');
  const [into, setInto] = createSignal<string>();
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
      }}
    >
      <p>{t('merge.hint')}</p>
      <TextField label={t('merge.search')} value={search()} onInput={setSearch} name="merge-search" />
      <Show when={candidates().length > 0} fallback={<p class="empty">{t('merge.none')}</p>}>
        <ChoiceGroup
          label={t('merge.into')}
          name="merge-into"
          layout="rows"
          options={candidates().map((r) => ({ value: r.id, label: r.title }))}
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

export function TallyForm(props: { ctx: ActionContext }) {
  const current = props.ctx.request.tally;
  const [forN, setFor] = createSignal(current?.for ?? 0);
  const [against, setAgainst] = createSignal(current?.against ?? 0);
  const [abstain, setAbstain] = createSignal(current?.abstain ?? 0);
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

export function DecideForm(props: { ctx: ActionContext }) {
  const [outcome, setOutcome] = createSignal<Outcome>();
  const [note, setNote] = createSignal('');
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
      }}
    >
      <Show when={tally()}>
        {(x) => <p class="note">{t('request.tally', { for: x().for, against: x().against, abstain: x().abstain })}</p>}
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
