import { createSignal, For, Show } from 'solid-js';
import type { VoteChoice } from '../../../../shared/events/request.ts';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { isCommittee } from '../../../../shared/roles.ts';
import { appendPublic } from '../../../domain/appendPublic.ts';
import { usePage } from '../../../domain/usePage.ts';
import { t } from '../../../i18n/index.ts';
import { createSubmit } from '../../../ui/createSubmit.ts';
import { FormError } from '../../../ui/FormError.tsx';
import { canConfirm, canVote } from '../steps.ts';
import { OwnSteps } from './OwnSteps.tsx';
import { type OpenSheet, offeredActions, type RequestAction } from './requestActions.tsx';

/** How many of the committee's actions stand as buttons before the rest fold under 其他操作. */
const SHOWN_ACTIONS = 2;

import { SignDialog } from './SignDialog.tsx';
import { VoteBlock } from './VoteBlock.tsx';

/** What this member can do now: vote, their own steps, and the committee's actions, each one tap away. */
export function TodoSection(props: { request: RequestState; onAction: (open: OpenSheet) => void }) {
  const { session } = usePage();
  const r = () => props.request;
  const me = () => session.member;
  const committee = () => isCommittee(me());
  const listed = () => offeredActions('todo', r(), me());
  const [signing, setSigning] = createSignal(false);
  // Votes and signatures are written at once; a refusal shows here, above the buttons.
  const write = createSubmit((append: () => void) => {
    append();
  });
  const vote = (choice: VoteChoice) =>
    write.run(() => appendPublic(session, 'request.voted', { requestId: r().id, choice }));
  const ownOffered = () => canConfirm(r(), me().memberId) || offeredActions('own', r(), me()).length > 0;
  // A result waiting for its rating: rating it is the step of the moment, for a committee member
  // too, and reopening it (the committee's list) must not be the big button above it.
  const ownLead = () => !committee() || (r().stage === 'completed' && ownOffered());
  // The stage's next steps stand as buttons; the rest (re-classifying long after, escalating, paper
  // signatures) wait one tap further down, so the step of the moment is not one button among seven.
  const shown = () => (listed().length <= SHOWN_ACTIONS + 1 ? listed() : listed().slice(0, SHOWN_ACTIONS));
  const more = () => listed().slice(shown().length);
  // `primary` read as the row renders and again whenever it changes (a rating given, a stage synced).
  const actionButton = (action: RequestAction, primary: () => boolean) => (
    <button
      type="button"
      class="btn"
      classList={{ 'btn-primary': primary(), 'btn-secondary': !primary() }}
      data-action={action.id}
      onClick={() => props.onAction({ id: action.id })}
    >
      {t(action.label)}
    </button>
  );
  /** Own steps above the list and in its place as the big button. */
  const ownFirst = () => ownLead() && ownOffered();
  const ownSteps = () => (
    <OwnSteps
      request={r()}
      viewer={me()}
      primary={ownLead()}
      onSign={() => setSigning(true)}
      onAction={props.onAction}
    />
  );
  const nothing = () =>
    listed().length === 0 &&
    !canVote(r()) &&
    !canConfirm(r(), me().memberId) &&
    offeredActions('own', r(), me()).length === 0;

  return (
    <section class="section todo" aria-labelledby="todo-heading" data-testid="todo">
      <h2 id="todo-heading">{t('request.todo')}</h2>
      <FormError error={write.error()} />
      <Show when={canVote(r())}>
        <VoteBlock request={r()} memberId={me().memberId} onVote={vote} />
      </Show>
      <Show when={ownLead()}>{ownSteps()}</Show>
      <div class="action-buttons">
        <For each={shown()}>{(action, i) => actionButton(action, () => i() === 0 && !ownFirst())}</For>
      </div>
      <Show when={!ownLead()}>{ownSteps()}</Show>
      <Show when={more().length > 0}>
        <details class="more-actions" data-testid="more-actions">
          <summary class="btn btn-secondary">{t('request.moreActions', { n: more().length })}</summary>
          <div class="action-buttons">
            <For each={more()}>{(action) => actionButton(action, () => false)}</For>
          </div>
        </details>
      </Show>
      <Show when={nothing()}>
        <p class="muted">{t('request.noActions')}</p>
      </Show>
      <SignDialog
        request={r()}
        open={signing()}
        onOpenChange={setSigning}
        onSign={() => write.run(() => appendPublic(session, 'request.confirmed', { requestId: r().id }))}
      />
    </section>
  );
}
