import { Show } from 'solid-js';
import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { useMinutes } from '../../domain/useMinutes.ts';
import { usePresence } from '../../domain/usePresence.ts';
import { t } from '../../i18n/index.ts';
import { AttendancePanel } from './AttendancePanel.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { PresenceList } from './PresenceList.tsx';
import { SignInButton } from './SignInButton.tsx';
import './minutes.css';

/** During the meeting: sign in, live attendance, who is here, and the notes typed together. */
export function MinutesSection(props: { meetingId: string; kind: MeetingKind }) {
  const minutes = useMinutes(props.meetingId);
  const presence = usePresence(minutes);
  return (
    <section class="section minutes" aria-labelledby="minutes-heading" data-testid="minutes">
      <h2 id="minutes-heading">{t('minutes.heading')}</h2>
      <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <SignInButton signedIn={minutes.signedIn()} onSignIn={minutes.signIn} />
        <AttendancePanel attendance={minutes.attendance()} threeParty={props.kind === 'three-party'} />
        <PresenceList present={presence.present()} />
        <NotesEditor
          notes={minutes.notes()}
          origin={minutes.origin}
          editable={minutes.mayEditNotes}
          onCaret={presence.setCaret}
        />
      </Show>
    </section>
  );
}
