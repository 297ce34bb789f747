import { Show } from 'solid-js';
import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useMinutes } from '../../domain/useMinutes.ts';
import { usePresence } from '../../domain/usePresence.ts';
import { t } from '../../i18n/index.ts';
import { AssemblyQuorumPanel } from './AssemblyQuorumPanel.tsx';
import { AssistedSignIn } from './AssistedSignIn.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { AttendeeList } from './AttendeeList.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { PresenceList } from './PresenceList.tsx';
import { SignInButton } from './SignInButton.tsx';
import { SignInQr } from './SignInQr.tsx';
import './minutes.css';

/** During the meeting: sign in, live attendance and quorum, who is here, and the notes typed together. */
export function MinutesSection(props: {
  meetingId: string;
  kind: MeetingKind;
  /** The meeting's link with one-tap sign-in, shown as the chair's QR. */
  signInLink: string;
  /** Opened from the sign-in QR: the "I'm here" button comes first. */
  signInPrompt?: boolean;
  /** Where the committee keeps the unit register (owners' assembly). */
  registerHref: string;
}) {
  const minutes = useMinutes(props.meetingId);
  const presence = usePresence(minutes);
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  return (
    <section class="section minutes" aria-labelledby="minutes-heading" data-testid="minutes">
      <h2 id="minutes-heading">{t('minutes.heading')}</h2>
      <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
        <SignInButton signedIn={minutes.signedIn()} onSignIn={minutes.signIn} prompt={props.signInPrompt} />
        <Show when={minutes.mayAssist}>
          <SignInQr link={props.signInLink} />
          <AssistedSignIn
            members={members().active}
            signedIn={(id) => minutes.state().attendees.some((a) => 'memberId' in a && a.memberId === id)}
            onSignIn={minutes.signInFor}
          />
        </Show>
        <AttendancePanel attendance={minutes.attendance()} threeParty={props.kind === 'three-party'} />
        <Show when={props.kind === 'owners-assembly'}>
          <AssemblyQuorumPanel
            attendees={minutes.state().attendees}
            nameOf={(id) => members().byId.get(id)?.name}
            registerHref={props.registerHref}
          />
        </Show>
        <AttendeeList attendees={minutes.state().attendees} nameOf={nameOf} />
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
