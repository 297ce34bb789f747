import { createSignal, Show } from 'solid-js';
import type { MinutesState } from '../../../shared/folds/foldMinutes.ts';
import { minutesHash } from '../../../shared/minutesHash.ts';
import { shanghaiDay } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { type MessageKey, t } from '../../i18n/index.ts';
import { createSubmit } from '../../ui/createSubmit.ts';
import { FormError } from '../../ui/FormError.tsx';
import { IconShare } from '../../ui/icons.tsx';
import { minutesCard } from './minutesCard.ts';
import { type ShareOutcome, shareImage } from './shareImage.ts';
import { verifyPath } from './verifyLink.ts';

/** "分享到微信群": the signed minutes in short as a PNG, through the share sheet or as a download. */
export function ShareImageButton(props: { meetingId: string; state: MinutesState; notes: string }) {
  const { session } = usePage();
  const view = usePublicView();
  const members = useMembers();
  const [outcome, setOutcome] = createSignal<ShareOutcome>();
  const share = createSubmit(async () => {
    setOutcome(undefined);
    const meeting = view().compound.meetings.meetings[props.meetingId];
    const hash = minutesHash(props.meetingId, props.state, props.notes);
    const card = minutesCard({
      meeting,
      state: props.state,
      order: meeting?.topicOrder ?? null,
      hash,
      notes: props.notes,
      verifyUrl: `${location.origin}${verifyPath(session.compoundId, props.meetingId, hash)}`,
      nameOf: (id) => members().byId.get(id)?.name ?? t('agenda.unknownMember'),
      titleOf: (id) => view().compound.agenda.requests[id]?.title ?? t('minutes.unknownRequest'),
    });
    // The drawing code (and its QR encoder) loads only when someone shares.
    const { drawMinutesImage } = await import('./drawMinutesImage.ts');
    const png = await drawMinutesImage(card);
    const day = meeting ? shanghaiDay(meeting.startsAt) : props.meetingId;
    setOutcome(await shareImage(png, `minutes-${day}.png`, card.title));
    return undefined;
  });
  return (
    <div class="share-image">
      <button
        type="button"
        class="btn btn-secondary btn-block"
        data-testid="share-image"
        disabled={share.busy()}
        onClick={() => share.run()}
      >
        <IconShare size={26} />
        {t(share.busy() ? 'share.drawing' : 'share.button')}
      </button>
      <FormError error={share.error()} />
      <p class="field-hint" role="status" data-testid="share-status">
        <Show when={outcome()}>{(o) => t(`share.${o()}` as MessageKey)}</Show>
      </p>
    </div>
  );
}
