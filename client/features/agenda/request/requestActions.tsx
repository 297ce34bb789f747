import { type Component, Show } from 'solid-js';
import type { RequestState } from '../../../../shared/folds/index.ts';
import type { Member } from '../../../../shared/roles.ts';
import { mayAppend } from '../../../../shared/rules/permissions.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { type IconComponent, IconStar } from '../../../ui/icons.tsx';
import type { ActionContext } from '../forms/context.ts';
import { ClassifyForm, DecideForm, MergeForm, ScheduleForm, TallyForm } from '../forms/DeliberationForms.tsx';
import { EditForm } from '../forms/EditForm.tsx';
import { AnswerForm, EscalateForm } from '../forms/EscalationForms.tsx';
import { AssignForm, PaperConfirmForm, RateForm, ReasonForm, ReportForm } from '../forms/WorkForms.tsx';
import { type ActionId, actionsFor, canAnswer, canRate } from '../steps.ts';

export type SheetActionId = ActionId | 'rate' | 'answer';

/** The sheet that is open: which action, and for an answer, which escalation it answers. */
export interface OpenSheet {
  id: SheetActionId;
  escalationId?: string;
}

export interface ActionFormProps {
  ctx: ActionContext;
  escalationId?: string;
}

/** One thing a member can do on a request's page, one sheet away. */
export interface RequestAction {
  id: SheetActionId;
  label: MessageKey;
  icon?: IconComponent;
  /**
   * Where its button sits: the to-do list (in the order `actionsFor` gives for the stage), the
   * member's own steps, or under each unanswered escalation.
   */
  place: 'todo' | 'own' | 'escalation';
  /** Whether this viewer may take it on this request now. */
  when: (request: RequestState, viewer: Member) => boolean;
  form: Component<ActionFormProps>;
}

const listed = (id: ActionId) => (r: RequestState, viewer: Member) => actionsFor(r, viewer).includes(id);

/** Every action of the request page, keyed by id (so none can be missing): adding one is adding a row. */
const table: Record<SheetActionId, Omit<RequestAction, 'id'>> = {
  classify: { label: 'action.classify', place: 'todo', when: listed('classify'), form: ClassifyForm },
  merge: { label: 'action.merge', place: 'todo', when: listed('merge'), form: MergeForm },
  schedule: { label: 'action.schedule', place: 'todo', when: listed('schedule'), form: ScheduleForm },
  tally: { label: 'action.tally', place: 'todo', when: listed('tally'), form: TallyForm },
  decide: { label: 'action.decide', place: 'todo', when: listed('decide'), form: DecideForm },
  confirmPaper: { label: 'action.confirmPaper', place: 'todo', when: listed('confirmPaper'), form: PaperConfirmForm },
  assign: { label: 'action.assign', place: 'todo', when: listed('assign'), form: AssignForm },
  escalate: { label: 'action.escalate', place: 'todo', when: listed('escalate'), form: EscalateForm },
  progress: {
    label: 'action.progress',
    place: 'todo',
    when: listed('progress'),
    form: (p) => <ReportForm ctx={p.ctx} kind="progress" />,
  },
  complete: {
    label: 'action.complete',
    place: 'todo',
    when: listed('complete'),
    form: (p) => <ReportForm ctx={p.ctx} kind="complete" />,
  },
  reopen: {
    label: 'action.reopen',
    place: 'todo',
    when: listed('reopen'),
    form: (p) => <ReasonForm ctx={p.ctx} kind="reopen" />,
  },
  edit: { label: 'action.edit', place: 'todo', when: listed('edit'), form: EditForm },
  withdraw: {
    label: 'action.withdraw',
    place: 'todo',
    when: listed('withdraw'),
    form: (p) => <ReasonForm ctx={p.ctx} kind="withdraw" />,
  },
  rate: { label: 'action.rate', icon: IconStar, place: 'own', when: (r) => canRate(r), form: RateForm },
  answer: {
    label: 'action.answer',
    place: 'escalation',
    when: (r, viewer) => mayAppend('request.answered', viewer) && canAnswer(r),
    form: (p) => <Show when={p.escalationId}>{(id) => <AnswerForm ctx={p.ctx} escalationId={id()} />}</Show>,
  },
};

export const requestActions: readonly RequestAction[] = (Object.keys(table) as SheetActionId[]).map((id) => ({
  id,
  ...table[id],
}));

export function requestAction(id: SheetActionId): RequestAction {
  return { id, ...table[id] };
}

/** How the open sheet is named in the URL (`?sheet=&of=`): an answer names the escalation it answers. */
export function sheetInUrl(open: OpenSheet): { sheet: string; of?: string } {
  return { sheet: open.id, of: open.escalationId };
}

/**
 * The sheet the URL names, if this viewer is still offered it on the request (what its button asks):
 * decided, completed or answered meanwhile on another phone, it does not open again.
 */
export function sheetFromUrl(sheet: unknown, of: unknown, r: RequestState, viewer: Member): OpenSheet | undefined {
  if (typeof sheet !== 'string' || !Object.hasOwn(table, sheet)) return undefined;
  const action = requestAction(sheet as SheetActionId);
  if (!action.when(r, viewer)) return undefined;
  if (action.place !== 'escalation') return { id: action.id };
  const open = r.escalations.find((x) => x.eventId === of && !x.answer);
  return open && { id: action.id, escalationId: open.eventId };
}

/**
 * The actions offered in one place to this viewer now, in the table's order; the to-do list in the
 * stage's order of work (`actionsFor`), anything it does not rank after.
 */
export function offeredActions(place: RequestAction['place'], r: RequestState, viewer: Member): RequestAction[] {
  const offered = requestActions.filter((a) => a.place === place && a.when(r, viewer));
  if (place !== 'todo') return offered;
  const order: readonly SheetActionId[] = actionsFor(r, viewer);
  const rank = (a: RequestAction) => (order.includes(a.id) ? order.indexOf(a.id) : order.length);
  return offered.sort((a, b) => rank(a) - rank(b));
}
