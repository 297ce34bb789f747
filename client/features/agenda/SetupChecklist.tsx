import { A } from '@solidjs/router';
import { createEffect, createSignal, For, type JSX, Show } from 'solid-js';
import { isCommittee, type Member } from '../../../shared/roles.ts';
import { mayAppend } from '../../../shared/rules/permissions.ts';
import { closeSetupCard, setupCardClosed } from '../../domain/preferences.ts';
import { type CompoundSetup, type SetupStepId, useCompoundSetup } from '../../domain/useCompoundSetup.ts';
import { usePage } from '../../domain/usePage.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { IconCheck } from '../../ui/icons.tsx';
import { listText } from '../../ui/listText.ts';
import { InviteDialog, type InvitePreset } from '../members/parts.ts';

/** What a step's button does for this viewer: a page to open, or an invite to make; none if they may not. */
type StepAction = { href: string } | { invite: InvitePreset } | undefined;

interface StepContext {
  setup: CompoundSetup;
  member: Member;
  path: (...parts: string[]) => string;
}

/** Each step's button, by step (so none can be missing). */
const actions: Record<SetupStepId, (c: StepContext) => StepAction> = {
  // Only an admin may invite a committee member of another party (the server refuses the rest).
  parties: (c) =>
    c.member.role === 'admin' ? { invite: { role: 'committee', party: c.setup.missingParties[0] } } : undefined,
  meeting: (c) => (mayAppend('meeting.scheduled', c.member) ? { href: c.path('meetings', 'new') } : undefined),
  fund: (c) => (mayAppend('ledger.fund.opened', c.member) ? { href: c.path('ledger') } : undefined),
  residents: () => ({ invite: { role: 'resident' } }),
};

/**
 * The first things a new compound does, for its committee members on the agenda until all are done
 * (then never again on this device), or until one of them hides it here.
 */
export function SetupChecklist() {
  const { session } = usePage();
  return (
    <Show when={isCommittee(session.member) && !setupCardClosed(session.compoundId)}>
      <SetupCard />
    </Show>
  );
}

function SetupCard() {
  const { session, path } = usePage();
  const setup = useCompoundSetup();
  const [closed, setClosed] = createSignal(false);
  const [inviting, setInviting] = createSignal<InvitePreset>();
  const close = () => {
    closeSetupCard(session.compoundId);
    setClosed(true);
  };
  const toDo = () => {
    const c = setup();
    return !closed() && c && c.left > 0 ? c : undefined;
  };
  // Done once is done: a member who leaves later does not bring the card back.
  createEffect(() => {
    if (setup()?.left === 0) close();
  });
  const note = (c: CompoundSetup, id: SetupStepId, action: StepAction): string | undefined => {
    if (id !== 'parties') return action ? undefined : t('setup.notYet');
    const parties = listText(c.missingParties.map((p) => t(`party.${p}` as MessageKey)));
    return t(action ? 'setup.missing' : 'setup.missingAskAdmin', { parties });
  };

  return (
    <Show when={toDo()}>
      {(c) => (
        <section class="setup-card" aria-labelledby="setup-heading" data-testid="setup-card">
          <h2 id="setup-heading" class="setup-heading">
            {t('setup.title', { n: c().left })}
          </h2>
          <ol class="setup-steps">
            <For each={c().steps}>
              {(step, i) => {
                const action = () => actions[step.id]({ setup: c(), member: session.member, path });
                return (
                  <li class="setup-step" data-step={step.id} data-done={String(step.done)} data-testid="setup-step">
                    <span class="setup-mark" aria-hidden="true">
                      <Show when={step.done} fallback={i() + 1}>
                        <IconCheck size={22} />
                      </Show>
                    </span>
                    <span class="setup-text">
                      <span class="setup-name">{t(`setup.step.${step.id}` as MessageKey)}</span>
                      <Show
                        when={step.done}
                        fallback={
                          <Show when={note(c(), step.id, action())}>
                            {(n) => <span class="setup-note">{n()}</span>}
                          </Show>
                        }
                      >
                        <span class="setup-note setup-done">{t('setup.done')}</span>
                      </Show>
                    </span>
                    <Show when={!step.done && action()}>
                      {(a) => (
                        <StepButton
                          action={a()}
                          id={step.id}
                          next={step.id === c().steps.find((s) => !s.done)?.id}
                          onInvite={setInviting}
                        />
                      )}
                    </Show>
                  </li>
                );
              }}
            </For>
          </ol>
          <button type="button" class="btn btn-small btn-secondary setup-hide" data-testid="setup-hide" onClick={close}>
            {t('setup.hide')}
          </button>
          <InviteDialog
            open={inviting() !== undefined}
            onOpenChange={(open) => !open && setInviting()}
            preset={inviting()}
          />
        </section>
      )}
    </Show>
  );
}

function StepButton(props: {
  action: NonNullable<StepAction>;
  id: SetupStepId;
  /** The first step not done: its button stands out, the others are outlined. */
  next: boolean;
  onInvite: (preset: InvitePreset) => void;
}): JSX.Element {
  const label = () => t(`setup.go.${props.id}` as MessageKey);
  const classes = () => `btn btn-small setup-go ${props.next ? 'btn-primary' : 'btn-secondary'}`;
  const a = props.action;
  return 'href' in a ? (
    <A href={a.href} class={classes()} data-testid="setup-go">
      {label()}
    </A>
  ) : (
    <button type="button" class={classes()} data-testid="setup-go" onClick={() => props.onInvite(a.invite)}>
      {label()}
    </button>
  );
}
