import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { type VoteChoice, voteChoices } from '../../../shared/events/request.ts';
import { type RequestState, voteCounts, whoseTurn } from '../../../shared/folds/index.ts';
import { isCommittee } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { formatDateTime, shanghaiDay } from '../../../shared/time.ts';
import { errorMessage } from '../../i18n/errors.ts';
import { intlLocale, type MessageKey, t } from '../../i18n/index.ts';
import { anomalyText } from '../../i18n/reasons.ts';
import { PhotoGrid } from '../../media/PhotoGrid.tsx';
import { kickUploads } from '../../media/uploadQueue.ts';
import { useSession } from '../../session.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IconAlert, IconCheck, IconStar } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { createMembers } from '../members/projection.ts';
import { appendPublic } from './actions.ts';
import { OverdueBadge, StageBadge, turnLabel } from './badges.tsx';
import { now } from './clock.ts';
import type { ActionContext } from './forms/context.ts';
import { ClassifyForm, DecideForm, MergeForm, ScheduleForm, TallyForm } from './forms/DeliberationForms.tsx';
import { Sheet } from './forms/fields.tsx';
import {
  AnswerForm,
  AssignForm,
  EscalateForm,
  PaperConfirmForm,
  RateForm,
  ReasonForm,
  ReportForm,
} from './forms/WorkForms.tsx';
import { anomaliesOf, createPublicView } from './projection.ts';
import { StepIndicator } from './StepIndicator.tsx';
import { type ActionId, actionsFor, canAnswer, canConfirm, canRate, canVote } from './steps.ts';
import { ownerLabel, Timeline } from './Timeline.tsx';

type SheetState = { kind: ActionId | 'rate' } | { kind: 'answer'; escalationId: string };

/** One request: where it stands, what to do now (each action one sheet away), and its whole record. */
export default function RequestPage() {
  const params = useParams<{ requestId: string }>();
  const session = useSession();
  const publicDoc = session.doc('public');
  const view = createPublicView(publicDoc);
  const members = createMembers(session.doc('members'));
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const request = createMemo(() => view().compound.agenda.requests[params.requestId]);
  const base = `/c/${encodeURIComponent(session.compoundId)}`;
  onMount(() => kickUploads());

  return (
    <Show
      when={request()}
      fallback={
        <>
          <PageHeader title={t('request.title')} back={`${base}/agenda`} />
          <p class="empty">{publicDoc.loaded() ? t('request.notFound') : t('app.loading')}</p>
        </>
      }
    >
      {(r) => <RequestView request={r()} view={view} nameOf={nameOf} members={members} base={base} />}
    </Show>
  );
}

function RequestView(props: {
  request: RequestState;
  view: ReturnType<typeof createPublicView>;
  nameOf: (id: string) => string;
  members: ReturnType<typeof createMembers>;
  base: string;
}) {
  const session = useSession();
  const r = () => props.request;
  const me = () => session.member;
  const [sheet, setSheet] = createSignal<SheetState>();
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const ctx = (): ActionContext => ({
    session,
    request: r(),
    view: props.view(),
    members: props.members().active,
    today: shanghaiDay(now()),
    done: () => setSheet(undefined),
  });
  const meeting = (id: string | null) => (id ? props.view().compound.meetings.meetings[id] : undefined);
  const meetingText = (id: string | null) => {
    const m = meeting(id);
    return m ? `${t(`meetingKind.${m.kind}` as MessageKey)} · ${formatDateTime(m.startsAt, intlLocale())}` : '';
  };
  const actions = () => actionsFor(r(), me());
  // A member's own steps (sign, rate): first for residents, after the committee's actions for committee members.
  const ownSteps = () => (
    <>
      <Show when={canConfirm(r(), me().memberId)}>
        <button
          type="button"
          class="btn btn-block"
          classList={{ 'btn-primary': !committee(), 'btn-secondary': committee(), 'rate-button': true }}
          data-testid="confirm-button"
          onClick={() => setConfirming(true)}
        >
          {t('request.confirm')}
        </button>
      </Show>
      <Show when={canRate(r())}>
        <button
          type="button"
          class="btn btn-block"
          classList={{ 'btn-primary': !committee(), 'btn-secondary': committee(), 'rate-button': true }}
          data-action="rate"
          onClick={() => setSheet({ kind: 'rate' })}
        >
          <IconStar size={24} />
          {t('action.rate')}
        </button>
      </Show>
    </>
  );
  const myVote = () => r().votes.find((v) => v.by === me().memberId)?.choice;
  const anomalies = createMemo(() => anomaliesOf(props.view(), r().id));
  const turn = () => whoseTurn(r());
  const committee = () => isCommittee(me());

  const act = (fn: () => void) => {
    setError(undefined);
    try {
      fn();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const vote = (choice: VoteChoice) => act(() => appendPublic(session, 'request.voted', { requestId: r().id, choice }));
  const sheetTitle = () => {
    const s = sheet();
    return s ? t(`action.${s.kind}` as MessageKey) : '';
  };

  return (
    <article data-testid="request-page" data-id={r().id} data-stage={r().stage}>
      <PageHeader title={r().title} back={`${props.base}/agenda`} />
      <p class="status-line">
        <StageBadge request={r()} />
        <OverdueBadge request={r()} now={now()} />
        <Show when={turn()}>{(x) => <span class="turn">{t('request.turn', { who: turnLabel(x()) })}</span>}</Show>
      </p>
      <StepIndicator request={r()} />

      <section class="section facts" aria-label={t('request.facts')}>
        <p class="card-meta">
          <span class="tag">{t(`category.${r().category}` as MessageKey)}</span>
          <Show when={r().priority}>{(p) => <span>{t(`priority.${p()}` as MessageKey)}</span>}</Show>
          <Show when={r().building}>{(b) => <span>{b()}</span>}</Show>
          <Show when={r().location}>{(l) => <span>{l()}</span>}</Show>
        </p>
        <p class="muted">
          {t('request.raisedBy', {
            name: props.nameOf(r().raisedBy),
            time: formatDateTime(r().raisedAt, intlLocale()),
          })}
          <Show when={r().raisedFor}>{(who) => <> · {t('agenda.recordedFor', { name: who() })}</>}</Show>
        </p>
        <Show when={r().topicFor && meeting(r().topicFor)}>
          <p>
            <A class="inline-link" href={`${props.base}/meetings/${r().topicFor}`}>
              {t('request.topicFor', { meeting: meetingText(r().topicFor) })}
            </A>
          </p>
        </Show>
        <Show when={r().meetingId && meeting(r().meetingId)}>
          <p>
            <A class="inline-link" href={`${props.base}/meetings/${r().meetingId}`}>
              {t('request.meeting', { meeting: meetingText(r().meetingId) })}
            </A>
          </p>
        </Show>
        <Show when={r().detail}>{(d) => <p class="detail-text">{d()}</p>}</Show>
        <PhotoGrid hashes={r().photos} />
        <Show when={r().mergedInto}>
          {(into) => (
            <p>
              {t('request.mergedInto')}{' '}
              <A class="inline-link" href={`${props.base}/agenda/${into()}`}>
                {t('request.openSurvivor')}
              </A>
            </p>
          )}
        </Show>
        <Show when={r().mergedFrom.length > 0}>
          <p class="muted">{t('request.mergedFrom', { n: r().mergedFrom.length })}</p>
        </Show>
      </section>

      <section class="section todo" aria-labelledby="todo-heading" data-testid="todo">
        <h2 id="todo-heading">{t('request.todo')}</h2>
        <Show when={error()}>
          <p class="form-error" role="alert">
            {error()}
          </p>
        </Show>
        <Show when={canVote(r())}>
          <div class="vote-block" data-testid="vote">
            <p class="field-label">{t('request.voteHint')}</p>
            <div class="vote-buttons">
              <For each={voteChoices}>
                {(choice) => (
                  <button
                    type="button"
                    class="btn btn-secondary"
                    aria-pressed={myVote() === choice}
                    data-vote={choice}
                    onClick={() => vote(choice)}
                  >
                    <Show when={myVote() === choice}>
                      <IconCheck size={22} />
                    </Show>
                    {t(`vote.${choice}` as MessageKey)}
                  </button>
                )}
              </For>
            </div>
            <Show when={myVote()}>
              {(c) => <p class="muted">{t('request.yourVote', { choice: t(`vote.${c()}` as MessageKey) })}</p>}
            </Show>
          </div>
        </Show>
        <Show when={!committee()}>{ownSteps()}</Show>
        <div class="action-buttons">
          <For each={actions()}>
            {(id, i) => (
              <button
                type="button"
                class="btn"
                classList={{ 'btn-primary': i() === 0, 'btn-secondary': i() > 0 }}
                data-action={id}
                onClick={() => setSheet({ kind: id })}
              >
                {t(`action.${id}` as MessageKey)}
              </button>
            )}
          </For>
        </div>
        <Show when={committee()}>{ownSteps()}</Show>
        <Show when={actions().length === 0 && !canVote(r()) && !canConfirm(r(), me().memberId) && !canRate(r())}>
          <p class="muted">{t('request.noActions')}</p>
        </Show>
      </section>

      <Show when={r().tally || r().votes.length > 0 || r().decision || r().confirmations.length > 0}>
        <section class="section" aria-labelledby="deliberation-heading" data-testid="deliberation">
          <h2 id="deliberation-heading">{t('step.deliberate')}</h2>
          <Show when={r().tally}>
            {(x) => (
              <p data-testid="tally">
                {t('request.tally', { for: x().for, against: x().against, abstain: x().abstain })}
              </p>
            )}
          </Show>
          <Show when={r().votes.length > 0}>
            <p>{t('request.votes', voteCounts(r()))}</p>
          </Show>
          <Show when={r().decision}>
            {(d) => (
              <div class="note" data-testid="decision">
                <p class="strong">{t('request.decision', { outcome: t(`outcome.${d().outcome}` as MessageKey) })}</p>
                <Show when={d().note}>
                  <p>{d().note}</p>
                </Show>
                <p class="muted">
                  {props.nameOf(d().by)} · {formatDateTime(d().at, intlLocale())}
                </p>
              </div>
            )}
          </Show>
          <Show when={r().confirmations.length > 0}>
            <p data-testid="confirmations">
              {t('request.confirmations', {
                n: r().confirmations.reduce((n, c) => n + (c.onPaper ? c.onPaper.names.length : 1), 0),
              })}
            </p>
            <For each={r().confirmations.filter((c) => c.onPaper)}>
              {(c) => (
                <div class="note">
                  <p>{t('request.paperNames', { names: c.onPaper!.names.join('、') })}</p>
                  <PhotoGrid hashes={c.onPaper!.photos} />
                </div>
              )}
            </For>
          </Show>
        </section>
      </Show>

      <Show when={r().assignment || r().escalations.length > 0 || r().progress.length > 0}>
        <section class="section" aria-labelledby="work-heading" data-testid="work">
          <h2 id="work-heading">{t('step.assign')}</h2>
          <Show when={r().assignment}>
            {(a) => (
              <div class="note" data-testid="assignment">
                <p class="strong">{t('request.owner', { owner: ownerLabel(a().owner, props.nameOf) })}</p>
                <p>{t('request.deadline', { date: a().deadline })}</p>
                <Show when={a().note}>
                  <p>{a().note}</p>
                </Show>
              </div>
            )}
          </Show>
          <For each={r().escalations}>
            {(x) => (
              <div class="note" data-testid="escalation">
                <p class="strong">
                  {t('request.escalatedTo', { to: x.department ?? t(`escalate.${x.to}` as MessageKey) })}
                </p>
                <Show when={x.note}>
                  <p>{x.note}</p>
                </Show>
                <Show
                  when={x.answer}
                  fallback={
                    <>
                      <p class="muted">{t('request.noAnswer')}</p>
                      <Show when={mayAppend('request.answered', me()) && canAnswer(r())}>
                        <button
                          type="button"
                          class="btn btn-secondary"
                          data-action="answer"
                          onClick={() => setSheet({ kind: 'answer', escalationId: x.eventId })}
                        >
                          {t('action.answer')}
                        </button>
                      </Show>
                    </>
                  }
                >
                  {(a) => <p>{t('request.answer', { text: a().text })}</p>}
                </Show>
              </div>
            )}
          </For>
          <Show when={r().progress.length > 0}>
            <h3>{t('request.progress')}</h3>
            <For each={r().progress}>
              {(p) => (
                <div class="note">
                  <p>{p.note}</p>
                  <PhotoGrid hashes={p.photos} />
                  <p class="muted">
                    {props.nameOf(p.by)} · {formatDateTime(p.at, intlLocale())}
                  </p>
                </div>
              )}
            </For>
          </Show>
        </section>
      </Show>

      <Show when={r().completion}>
        {(c) => (
          <section class="section" aria-labelledby="result-heading" data-testid="result">
            <h2 id="result-heading">{t('step.report')}</h2>
            <div class="note">
              <p class="strong">{t('request.result')}</p>
              <p>{c().result}</p>
              <PhotoGrid hashes={c().photos} />
              <p class="muted">
                {props.nameOf(c().by)} · {formatDateTime(c().at, intlLocale())}
              </p>
            </div>
            <Show when={r().ratings.length > 0} fallback={<p class="muted">{t('request.noRatings')}</p>}>
              <p class="strong" data-testid="average">
                {t('request.average', { avg: (r().averageRating ?? 0).toFixed(1), n: r().ratings.length })}
              </p>
              <ul class="plain-list">
                <For each={r().ratings}>
                  {(x) => (
                    <li class="plain-item">
                      {props.nameOf(x.by)}：{t('request.stars', { n: x.stars })}
                      <Show when={x.solved !== null}>
                        {' '}
                        · {x.solved ? t('request.solvedYes') : t('request.solvedNo')}
                      </Show>
                      <Show when={x.comment}>：{x.comment}</Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </Show>

      <Show when={r().stage === 'reopened' || r().reopenCount > 0}>
        <p class="banner-inline" data-testid="reopened">
          <IconAlert size={22} />
          {t('request.reopenedNote', {
            reason: r().reopenCause === 'ratings' ? t('request.reopenUnsatisfied') : (r().reopenReason ?? ''),
            n: r().reopenCount,
          })}
        </p>
      </Show>
      <Show when={r().withdrawnReason}>{(w) => <p class="note">{t('request.withdrawnNote', { reason: w() })}</p>}</Show>

      <Show when={anomalies().length > 0}>
        <section class="section anomalies" aria-labelledby="anomalies-heading" data-testid="anomalies">
          <h2 id="anomalies-heading" class="with-icon">
            <IconAlert size={24} />
            {t('request.anomalies', { n: anomalies().length })}
          </h2>
          <p>{t('request.anomaliesHint')}</p>
          <ul class="plain-list">
            <For each={anomalies()}>
              {(a) => (
                <li class="plain-item">
                  <span class="strong">
                    {props.nameOf(a.by)}：{t(`event.${a.type}` as MessageKey)}
                  </span>{' '}
                  — {anomalyText(a.reason)}
                  <span class="muted"> · {formatDateTime(a.at, intlLocale())}</span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <section class="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('request.timeline')}</h2>
        <Timeline request={r()} nameOf={props.nameOf} />
      </section>

      <Sheet open={sheet() !== undefined} onOpenChange={(o) => !o && setSheet(undefined)} title={sheetTitle()}>
        <Switch>
          <Match when={sheet()?.kind === 'classify'}>
            <ClassifyForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'merge'}>
            <MergeForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'schedule'}>
            <ScheduleForm ctx={ctx()} meetingsHref={`${props.base}/meetings/new`} />
          </Match>
          <Match when={sheet()?.kind === 'tally'}>
            <TallyForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'decide'}>
            <DecideForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'confirmPaper'}>
            <PaperConfirmForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'assign'}>
            <AssignForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'escalate'}>
            <EscalateForm ctx={ctx()} />
          </Match>
          <Match when={sheet()?.kind === 'progress'}>
            <ReportForm ctx={ctx()} kind="progress" />
          </Match>
          <Match when={sheet()?.kind === 'complete'}>
            <ReportForm ctx={ctx()} kind="complete" />
          </Match>
          <Match when={sheet()?.kind === 'reopen'}>
            <ReasonForm ctx={ctx()} kind="reopen" />
          </Match>
          <Match when={sheet()?.kind === 'withdraw'}>
            <ReasonForm ctx={ctx()} kind="withdraw" />
          </Match>
          <Match when={sheet()?.kind === 'rate'}>
            <RateForm ctx={ctx()} />
          </Match>
          <Match
            when={(() => {
              const s = sheet();
              return s?.kind === 'answer' ? s : undefined;
            })()}
          >
            {(s) => <AnswerForm ctx={ctx()} escalationId={s().escalationId} />}
          </Match>
        </Switch>
      </Sheet>
      <ConfirmDialog
        open={confirming()}
        onOpenChange={setConfirming}
        title={t('request.confirmTitle')}
        confirmLabel={t('request.confirmYes')}
        onConfirm={() => act(() => appendPublic(session, 'request.confirmed', { requestId: r().id }))}
      >
        <p>{t('request.confirmBody')}</p>
        <Show when={r().decision}>
          {(d) => (
            <p class="strong">
              {t('request.decision', { outcome: t(`outcome.${d().outcome}` as MessageKey) })}
              <Show when={d().note}>：{d().note}</Show>
            </p>
          )}
        </Show>
      </ConfirmDialog>
    </article>
  );
}
