import { createSignal, Show } from 'solid-js';
import type { MeetingState } from '../../../shared/folds/index.ts';
import { t } from '../../i18n/index.ts';
import { CancelMeetingDialog } from './CancelMeetingDialog.tsx';
import { MoveMeetingDialog } from './MoveMeetingDialog.tsx';

/**
 * The committee's buttons for a scheduled meeting not yet held: move it, or call it off. A dialog
 * left open stays when the meeting is cancelled meanwhile on another phone, to say so at submit.
 */
export function MeetingActions(props: {
  meeting: MeetingState;
  /** Held (its minutes locked), or not yet known: the buttons go, a dialog already open stays. */
  held: boolean;
}) {
  const [moving, setMoving] = createSignal(false);
  const [cancelling, setCancelling] = createSignal(false);
  return (
    <div class="meeting-actions">
      <Show when={props.meeting.status === 'scheduled' && !props.held}>
        <button type="button" class="btn btn-secondary" onClick={() => setMoving(true)} data-testid="meeting-move">
          {t('meetings.move')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => setCancelling(true)}
          data-testid="meeting-cancel"
        >
          {t('meetings.cancel')}
        </button>
      </Show>
      <Show when={moving()}>
        <MoveMeetingDialog meeting={props.meeting} open={moving()} onOpenChange={setMoving} />
      </Show>
      <CancelMeetingDialog meeting={props.meeting} open={cancelling()} onOpenChange={setCancelling} />
    </div>
  );
}
