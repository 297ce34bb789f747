import { foldEvents } from '../../../shared/folds/index.ts';
import { photo, TestLog } from './TestLog.ts';

export const committee = 'comm1';
export const raiser = 'res1';

/** A request scheduled for meeting m-1, ready to be decided. */
export function scheduledRequest(): TestLog {
  const log = new TestLog();
  log.add('meeting.scheduled', committee, {
    meetingId: 'm-1',
    kind: 'little-stool',
    startsAt: log.at + 86_400_000,
    place: '3号楼下',
  });
  const r = log.add('request.raised', raiser, { title: '飞线充电', category: 'ev-charging' }, 'r1');
  log.add('request.classified', committee, { requestId: r.id, category: 'ev-charging', priority: 'urgent' });
  log.add('request.scheduled', committee, { requestId: r.id, meetingId: 'm-1' });
  return log;
}

/** A request taken to the point where it is assigned to the owners' committee. */
export function assignedRequest(): TestLog {
  const log = scheduledRequest();
  log.add('request.decided', committee, { requestId: 'r1', outcome: 'approved', note: '同意' });
  log.add('request.assigned', committee, { requestId: 'r1', owner: { party: 'owners' }, deadline: '2024-06-30' });
  return log;
}

/** The assigned request, completed by the owners' committee. */
export function completedRequest(): TestLog {
  const log = assignedRequest();
  log.add('request.completed', 'own1', { requestId: 'r1', result: '装了充电桩', photos: [photo] });
  return log;
}

/** The fold of the log and its request `id`. */
export function request(log: TestLog | readonly unknown[], id = 'r1') {
  const state = foldEvents(log instanceof TestLog ? log.events : log);
  const r = state.agenda.requests[id];
  if (!r) throw new Error(`no request ${id}`);
  return { r, state };
}
