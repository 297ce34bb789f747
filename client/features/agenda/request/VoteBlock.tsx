import { For, Show } from 'solid-js';
import { type VoteChoice, voteChoices } from '../../../../shared/events/request.ts';
import type { RequestState } from '../../../../shared/folds/index.ts';
import { type MessageKey, t } from '../../../i18n/index.ts';
import { IconCheck } from '../../../ui/icons.tsx';

/** A member's opinion while the request is deliberated: three buttons, the chosen one pressed, changeable. */
export function VoteBlock(props: { request: RequestState; memberId: string; onVote: (choice: VoteChoice) => void }) {
  const myVote = () => props.request.votes.find((v) => v.by === props.memberId)?.choice;
  return (
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
              onClick={() => props.onVote(choice)}
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
  );
}
