import type { RequestState, TimelineEntry } from '../../../shared/folds/index.ts';

/**
 * True if the entry is a decision, withdrawal, merge, completion, answer or 以这条为准 written at once with
 * another on phones that had not seen each other's, and the other stands: kept, counting for nothing.
 */
export function didNotStand(entry: TimelineEntry, r: RequestState): boolean {
  const id = entry.eventId;
  switch (entry.type) {
    case 'request.decided':
      return r.concurrentDecisions.some((d) => d.eventId === id);
    case 'request.withdrawn':
      return r.stage !== 'withdrawn' && r.withdrawal?.eventId === id;
    case 'request.merged': {
      // While merged, the earliest merge stands; beside a final decision, none does.
      const standing = r.stage === 'merged' ? r.merges[0]?.eventId : undefined;
      return r.merges.some((m) => m.eventId === id) && standing !== id;
    }
    case 'request.completed':
      return r.concurrentCompletions.some((c) => c.eventId === id);
    case 'request.decision.upheld':
      // Two settlements at once: the earliest counts.
      return r.upholdings.some((u) => u.eventId === id) && r.upholdings[0]?.eventId !== id;
    case 'request.answered':
      return r.escalations.some((x) => x.concurrentAnswers.some((a) => a.eventId === id));
    default:
      return false;
  }
}
