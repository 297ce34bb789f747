import './support/offlineBrowser.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { RuleError } from '../../../shared/errors.ts';
import { foldMinutes } from '../../../shared/folds/foldMinutes.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import { minutesDocName } from '../../../shared/rooms.ts';
import { eventually } from '../../helpers/eventually.ts';
import { scheduledRequest } from '../support/agendaLog.ts';

const { CompoundSession } = await import('../../../client/sync/CompoundSession.ts');
const { makeMeetingLoop } = await import('../../../client/domain/meetingLoop.ts');
const { makeMinutesActions } = await import('../../../client/domain/minutesActions.ts');
const { requestChoices } = await import('../../../client/features/minutes/requestChoices.ts');

/** The phone of a community committee member at meeting m-2, with its public and minutes copies. */
async function atMeeting(compoundId: string) {
  const session = new CompoundSession({
    compoundId,
    compoundName: '和平小区',
    memberId: 'comm1',
    name: '王阿姨',
    role: 'committee',
    party: 'community',
    token: 'token',
    addedAt: 0,
  });
  const pub = session.doc('public');
  const minutes = session.hold(minutesDocName('m-2')).handle;
  await eventually(() => expect(pub.loaded() && minutes.loaded()).toBe(true));
  const requests = () => foldEvents(pub.events().toArray()).agenda.requests;
  const minutesState = () => foldMinutes(minutes.events().toArray());
  const loop = makeMeetingLoop(
    session,
    makeMinutesActions(session, minutes),
    'm-2',
    requests,
    () => minutesState().locked,
  );
  const publicTypes = () =>
    pub
      .events()
      .toArray()
      .map((e) => (e as { type: string }).type);
  return { session, pub, minutes, loop, requests, minutesState, publicTypes };
}

describe("the minutes' forms say what a write will do, and write nothing onto a request once the minutes are locked", () => {
  /** Request r1, scheduled for meeting m-1, and meeting m-2 where the phone is. */
  function twoMeetings() {
    const log = scheduledRequest();
    log.add('meeting.scheduled', 'comm1', {
      meetingId: 'm-2',
      kind: 'little-stool',
      startsAt: log.at,
      place: '2号楼下',
    });
    return log;
  }
  const sessions: { destroy(): void }[] = [];
  afterAll(() => {
    for (const s of sessions) s.destroy();
  });

  it('an action item about a request that has left the list (assigned on the agenda) says it reassigns it, and does', async () => {
    const phone = await atMeeting('c-loop-1');
    sessions.push(phone.session);
    // r1 is a topic of meeting m-1, approved and assigned to the property company: it is no longer the
    // committee's turn, nor a topic of m-2, so the form's list leaves it out, while m-2 took it up.
    const log = twoMeetings();
    log.add('request.decided', 'comm1', { requestId: 'r1', outcome: 'approved', note: '同意' });
    log.add('request.assigned', 'comm1', { requestId: 'r1', owner: { party: 'property' }, deadline: '2024-06-30' });
    phone.pub.append(log.events);
    const view = { compound: foldEvents(phone.pub.events().toArray()) } as Parameters<typeof requestChoices>[0];
    const { topics, others } = requestChoices(view, 'm-2');
    expect([...topics, ...others].map((r) => r.id)).not.toContain('r1');

    // What the form says before the write is what the write does.
    expect(phone.loop.assigns('r1')).toBe(true);
    phone.loop.createAction({
      text: '物业两周内清走杂物',
      owner: { party: 'property' },
      deadline: '2024-07-15',
      requestId: 'r1',
    });
    expect(phone.publicTypes().at(-1)).toBe('request.assigned');
    expect(phone.requests().r1?.assignment).toMatchObject({ deadline: '2024-07-15' });

    // Completed, it stays in the minutes only, and the form says so.
    phone.pub.append([
      { id: 'done1', type: 'request.completed', at: log.at + 600_000, by: 'comm1', requestId: 'r1', result: '清走了' },
    ]);
    expect(phone.loop.assigns('r1')).toBe(false);
    const before = phone.publicTypes().length;
    phone.loop.createAction({
      text: '回访住户',
      owner: { party: 'community' },
      deadline: '2024-07-20',
      requestId: 'r1',
    });
    expect(phone.publicTypes()).toHaveLength(before);
    expect(phone.minutesState().actionItems.map((a) => a.text)).toEqual(['物业两周内清走杂物', '回访住户']);
    // A decision about it does not decide it: the form asks no outcome.
    expect(phone.loop.decides('r1')).toBe(false);
  });

  it('with the minutes locked on this phone, a decision writes nothing: neither the minutes nor the request', async () => {
    const phone = await atMeeting('c-loop-2');
    sessions.push(phone.session);
    const log = twoMeetings();
    phone.pub.append(log.events);
    phone.minutes.append([
      {
        id: 's1',
        type: 'minutes.signed-in',
        at: log.at,
        by: 'comm1',
        attendee: { memberId: 'comm1', party: 'community' },
      },
      { id: 's2', type: 'minutes.signed-off', at: log.at + 60_000, by: 'comm1', party: 'community' },
    ]);
    expect(phone.minutesState().locked).toBe(true);
    const publicBefore = phone.publicTypes().length;
    expect(() => phone.loop.recordDecision({ text: '同意装充电桩', requestId: 'r1', outcome: 'approved' })).toThrow(
      RuleError,
    );
    expect(() =>
      phone.loop.createAction({ text: '装桩', owner: { party: 'property' }, deadline: '2024-07-15', requestId: 'r1' }),
    ).toThrow(RuleError);
    expect(phone.publicTypes()).toHaveLength(publicBefore);
    expect(phone.requests().r1?.stage).toBe('scheduled');
    expect(phone.minutes.events().length).toBe(2);
  });
});
