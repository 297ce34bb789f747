import { A } from '@solidjs/router';
import { createEffect, createSignal, type JSX, onCleanup, Show } from 'solid-js';
import type { MeetingKind } from '../../../shared/events/meeting.ts';
import { formatDate } from '../../../shared/time.ts';
import { useMembers } from '../../domain/useMembers.ts';
import { useMinutes } from '../../domain/useMinutes.ts';
import { usePage } from '../../domain/usePage.ts';
import { usePresence } from '../../domain/usePresence.ts';
import { usePublicView } from '../../domain/usePublicView.ts';
import { intlLocale, t } from '../../i18n/index.ts';
import { AmendmentForm } from './AmendmentForm.tsx';
import { AmendmentLateNotice, lateDraftText } from './AmendmentLateNotice.tsx';
import { AmendmentList } from './AmendmentList.tsx';
import { AssemblyQuorumPanel } from './AssemblyQuorumPanel.tsx';
import { AssistedSignIn } from './AssistedSignIn.tsx';
import { AttendancePanel } from './AttendancePanel.tsx';
import { AttendeeList } from './AttendeeList.tsx';
import { DecisionSection } from './DecisionSection.tsx';
import { beforeMeetingDay } from './meetingDay.ts';
import { NotesEditor } from './NotesEditor.tsx';
import { PresenceList } from './PresenceList.tsx';
import { ShareImageButton } from './ShareImageButton.tsx';
import { SignInButton } from './SignInButton.tsx';
import { SignInQr } from './SignInQr.tsx';
import { SignOffLocked } from './SignOffLocked.tsx';
import { SignOffPanel } from './SignOffPanel.tsx';
import { createTopicDiscussion, type TopicDiscussion } from './topicDiscussion.ts';
import './minutes.css';
import './minutesAfter.css';

/**
 * The meeting's minutes: sign in (by QR, or assisted), attendance and quorum, then the meeting's
 * topics (`topics`, the page's), who is here, the notes typed together, decisions and actions,
 * sign-off, amendments.
 */
export function MinutesSection(props: {
  meetingId: string;
  kind: MeetingKind;
  /** When the meeting is scheduled to start: its minutes are signed from that day on. */
  startsAt: number;
  /** The meeting's link with one-tap sign-in, shown as the chair's QR. */
  signInLink: string;
  /** Opened from the sign-in QR: the "I'm here" button comes first. */
  signInPrompt?: boolean;
  /** Where the committee keeps the unit register (owners' assembly). */
  registerHref: string;
  /**
   * Told whether the minutes are signed off and locked (the meeting was held) whenever that changes;
   * undefined until the phone's copy is read.
   */
  onLocked?: (locked: boolean | undefined) => void;
  /**
   * The meeting's topics, shown after sign-in and attendance: what the chair works through, each
   * taken up and decided from its card (`discussion`) until the minutes are locked.
   */
  topics?: (discussion: TopicDiscussion) => JSX.Element;
}) {
  const { path } = usePage();
  const view = usePublicView();
  const minutes = useMinutes(props.meetingId);
  const presence = usePresence(minutes);
  const members = useMembers();
  const nameOf = (id: string) => members().byId.get(id)?.name ?? t('agenda.unknownMember');
  const locked = () => minutes.state().locked;
  const discussion = createTopicDiscussion(minutes, () => props.startsAt);
  // Unknown (undefined) until the phone's copy is read, so the page does not offer, then take back,
  // what a held meeting no longer offers; false again when the minutes close (the meeting cancelled).
  createEffect(() => props.onLocked?.(minutes.loaded() ? locked() : undefined));
  onCleanup(() => props.onLocked?.(false));
  const [draft, setDraft] = createSignal('');
  let usedLate = false;
  const useLate = () => {
    const late = minutes.late();
    if (!late) return;
    usedLate = true;
    setDraft(lateDraftText(late));
    document.getElementById('minutes-amend')?.scrollIntoView({ block: 'center' });
  };
  const amend = (note: string) => {
    minutes.amend(note);
    if (usedLate) minutes.forgetLate();
    usedLate = false;
  };
  return (
    <>
      <section class="section minutes-sign-in-section" aria-labelledby="sign-in-heading" data-testid="minutes-sign-in">
        <h2 id="sign-in-heading">{t('minutes.signInHeading')}</h2>
        <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
          <Show when={minutes.late()}>
            {(late) => (
              <AmendmentLateNotice
                late={late()}
                canAmend={minutes.isCommittee && locked()}
                onUse={useLate}
                onForget={minutes.forgetLate}
              />
            )}
          </Show>
          <Show when={minutes.state().lockedAt}>{(at) => <SignOffLocked lockedAt={at()} />}</Show>
          <Show when={!locked()}>
            {/* Before the meeting's day a sign-in would date attendance (and its points) to a meeting not held. */}
            <Show
              when={!beforeMeetingDay(props.startsAt)}
              fallback={
                <p class="lead" data-testid="sign-in-later">
                  {t('minutes.signInOnTheDay', { date: formatDate(props.startsAt, intlLocale()) })}
                </p>
              }
            >
              <SignInButton signedIn={minutes.signedIn()} onSignIn={minutes.signIn} prompt={props.signInPrompt} />
            </Show>
            <Show when={minutes.mayAssist}>
              <SignInQr link={props.signInLink} />
              <Show when={!beforeMeetingDay(props.startsAt)}>
                <AssistedSignIn
                  members={members().active}
                  signedIn={(id) => minutes.state().attendees.some((a) => 'memberId' in a && a.memberId === id)}
                  onSignIn={minutes.signInFor}
                />
              </Show>
            </Show>
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
        </Show>
      </section>
      {props.topics?.(discussion)}
      <section class="section minutes" aria-labelledby="minutes-heading" data-testid="minutes" data-locked={locked()}>
        <h2 id="minutes-heading">{t('minutes.heading')}</h2>
        <Show when={minutes.loaded()} fallback={<p class="muted">{t('app.loading')}</p>}>
          <PresenceList present={presence.present()} />
          <NotesEditor
            notes={minutes.notes()}
            origin={minutes.origin}
            editable={minutes.mayEditNotes && !locked()}
            hint={locked() ? t('minutes.notesLocked') : undefined}
            onCaret={presence.setCaret}
            onTyping={presence.typed}
            typing={presence.typing()}
          />
          <DecisionSection
            minutes={minutes}
            meetingId={props.meetingId}
            kind={props.kind}
            nameOf={nameOf}
            memberName={(id) => members().byId.get(id)?.name}
            discussion={discussion}
          />
          <SignOffPanel
            state={minutes.state()}
            party={minutes.party}
            isCommittee={minutes.isCommittee}
            nameOf={nameOf}
            startsAt={props.startsAt}
            titleOf={(id) => view().compound.agenda.requests[id]?.title ?? t('minutes.unknownRequest')}
            onSignOff={minutes.signOff}
          />
          <Show when={locked()}>
            <div class="minutes-block">
              <h3>{t('minutes.amendmentsHeading', { n: minutes.state().amendments.length })}</h3>
              <AmendmentList amendments={minutes.state().amendments} nameOf={nameOf} />
              <Show when={minutes.isCommittee}>
                <AmendmentForm draft={draft} setDraft={setDraft} onAmend={amend} />
              </Show>
            </div>
            <A
              href={path('meetings', props.meetingId, 'print')}
              class="btn btn-secondary btn-block"
              data-testid="print-link"
            >
              {t('minutes.printLink')}
            </A>
            <ShareImageButton meetingId={props.meetingId} state={minutes.state()} notes={minutes.notesText()} />
          </Show>
        </Show>
      </section>
    </>
  );
}
