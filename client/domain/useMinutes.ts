import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Attendee } from '../../shared/events/meeting.ts';
import type { MinutesState } from '../../shared/folds/foldMinutes.ts';
import { isCommittee, type MemberParty, type Party, parties } from '../../shared/roles.ts';
import { canEditNotes, minutesDocName } from '../../shared/rooms.ts';
import { checkEvent } from '../../shared/rules/permissions.ts';
import { createFoldState } from '../reactive/createFoldState.ts';
import { localOrigin } from '../sync/DocHandle.ts';
import { newId } from '../sync/ids.ts';
import type { LateWork } from './lateMinutes.ts';
import { makeMinutesFold } from './MinutesFold.ts';
import { type MeetingLoop, makeMeetingLoop } from './meetingLoop.ts';
import { type MinutesActions, makeMinutesActions } from './minutesActions.ts';
import { useSession } from './session.ts';
import { useLateDraft } from './useLateDraft.ts';
import { usePublicView } from './usePublicView.ts';

export type { MinutesState };

export interface Attendance {
  /** Attendees by the party they sit for ('none': residents and guests). */
  byParty: Record<MemberParty, number>;
  total: number;
  /** The three parties not yet present, in their usual order. */
  missing: Party[];
}

export interface Minutes extends Omit<MinutesActions, keyof MeetingLoop>, MeetingLoop {
  state: Accessor<MinutesState>;
  attendance: Accessor<Attendance>;
  /** Whether this phone's member has signed in. */
  signedIn: Accessor<boolean>;
  /** The co-edited notes (`Y.Text('notes')`); a new one after the copy is reset from the relay. */
  notes: Accessor<Y.Text>;
  /** Presence of everyone with the minutes open; undefined until the relay's client has loaded. */
  awareness: Accessor<Awareness | undefined>;
  loaded: Accessor<boolean>;
  /** Whether this copy holds what the relay holds (so a check against it is up to date). */
  synced: Accessor<boolean>;
  /** Transaction origin of this phone's typing, for the binding's undo. */
  origin: object;
  /** Residents read the notes; the committee types them. */
  mayEditNotes: boolean;
  /** Committee members record items, decisions, actions and amendments, and sign for their party. */
  isCommittee: boolean;
  /** This member's party (their sign-off is for it). */
  party: MemberParty;
  /** What this phone wrote offline that the relay refused because the minutes were locked meanwhile. */
  late: Accessor<LateWork | undefined>;
  forgetLate(): void;
  /** The notes text as it stands, for the print view and the hash. */
  notesText: Accessor<string>;
  /** Appends `minutes.signed-in` for this phone's member, sitting for their own party (works offline). */
  signIn(): void;
  /** Committee members sign in someone without a phone, or a guest by name (assisted). */
  mayAssist: boolean;
  /** Appends `minutes.signed-in` for someone else, written by this phone's member. */
  signInFor(attendee: Attendee): void;
}

/** Counts attendees by party, and which of the three parties have nobody present. */
export function attendanceOf(state: MinutesState): Attendance {
  const byParty: Record<MemberParty, number> = { community: 0, owners: 0, property: 0, none: 0 };
  for (const a of state.attendees) byParty[a.party]++;
  return { byParty, total: state.attendees.length, missing: parties.filter((p) => byParty[p] === 0) };
}

/**
 * A meeting's minutes while the page that calls this is shown: its document is opened (the phone's
 * IndexedDB copy, then the relay) and closed after the page goes, once the relay holds what was written.
 */
export function useMinutes(meetingId: string): Minutes {
  const session = useSession();
  const docName = minutesDocName(meetingId);
  const held = session.hold(docName);
  onCleanup(held.release);
  const handle = held.handle;
  const state = createFoldState(() => handle.events(), makeMinutesFold);
  const attendance = createMemo(() => attendanceOf(state()));
  const signedIn = createMemo(() =>
    state().attendees.some((a) => 'memberId' in a && a.memberId === session.member.memberId),
  );
  const late = useLateDraft(session.compoundId, meetingId, handle, state);
  const [notesVersion, setNotesVersion] = createSignal(0);
  createEffect(() => {
    const notes = handle.doc().getText('notes');
    const bump = () => setNotesVersion((n) => n + 1);
    notes.observe(bump);
    bump();
    onCleanup(() => notes.unobserve(bump));
  });
  const append = (attendee: Attendee) => {
    const member = session.member;
    const event = checkEvent(
      { id: newId(), type: 'minutes.signed-in', at: handle.stamp(), by: member.memberId, attendee },
      member,
      'minutes',
    );
    handle.append([event]);
  };
  const view = usePublicView();
  const actions = makeMinutesActions(session, handle);
  return {
    ...actions,
    ...makeMeetingLoop(
      session,
      actions,
      meetingId,
      () => view().compound.agenda.requests,
      () => state().locked,
    ),
    state,
    attendance,
    signedIn,
    notes: () => handle.doc().getText('notes'),
    awareness: handle.awareness,
    loaded: handle.loaded,
    synced: handle.synced,
    origin: localOrigin,
    mayEditNotes: canEditNotes('minutes', session.member),
    isCommittee: isCommittee(session.member),
    party: session.member.party,
    late: late.late,
    forgetLate: late.forget,
    notesText: () => {
      notesVersion();
      return handle.doc().getText('notes').toString();
    },
    signIn() {
      const member = session.member;
      append({ memberId: member.memberId, party: member.party });
    },
    mayAssist: isCommittee(session.member),
    signInFor: append,
  };
}
