import { Show } from 'solid-js';
import type { MeetingState } from '../../../shared/folds/index.ts';
import type { UrlSheet } from '../../domain/urlSheet.ts';
import { t } from '../../i18n/index.ts';
import { CancelMeetingDialog } from './CancelMeetingDialog.tsx';
import { MoveMeetingDialog } from './MoveMeetingDialog.tsx';

/** The meeting page's sheets, named in its URL so that a reload opens the one open again. */
export type MeetingSheet = 'move' | 'cancel';

/**
 * The committee's buttons for a scheduled meeting not yet held: move it, or call it off. A dialog
 * left open stays when the meeting is cancelled meanwhile on another phone, to say so at submit.
 */
export function MeetingActions(props: {
  meeting: MeetingState;
  /** Held (its minutes locked), or not yet known: the buttons go, a dialog already open stays. */
  held: boolean;
  sheets: UrlSheet<MeetingSheet>;
}) {
  const onOpenChange = (open: boolean) => !open && props.sheets.open(undefined);
  return (
    <div class="meeting-actions">
      <Show when={props.meeting.status === 'scheduled' && !props.held}>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => props.sheets.open('move')}
          data-testid="meeting-move"
        >
          {t('meetings.move')}
        </button>
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => props.sheets.open('cancel')}
          data-testid="meeting-cancel"
        >
          {t('meetings.cancel')}
        </button>
      </Show>
      <MoveMeetingDialog
        meeting={props.meeting}
        open={props.sheets.sheet() === 'move'}
        visit={props.sheets.visit()}
        restored={props.sheets.restored()}
        onOpenChange={onOpenChange}
      />
      <CancelMeetingDialog
        meeting={props.meeting}
        open={props.sheets.sheet() === 'cancel'}
        visit={props.sheets.visit()}
        restored={props.sheets.restored()}
        onOpenChange={onOpenChange}
      />
    </div>
  );
}
