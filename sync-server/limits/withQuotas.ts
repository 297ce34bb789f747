import * as Y from 'yjs';
import { isSteps, type Steps } from '../../shared/steps.ts';
import { Connection } from '../relay/Connection.ts';
import type { Checked, UpdatePolicy } from '../relay/types.ts';
import type { DailyQuotas } from './DailyQuotas.ts';

/**
 * The relay's policy, plus each member's daily quotas: an update the policy accepts and that adds
 * something is refused (`event_quota`, `byte_quota`) once the member is over a limit. Bytes count
 * as the update is accepted; events (items of JSON, the events of a log) once it is applied.
 */
export function withQuotas(policy: UpdatePolicy, quotas: DailyQuotas): UpdatePolicy {
  const watched = new WeakSet<Y.Doc>();
  const countEvents = (tr: Y.Transaction) => {
    // The room applies a member's update with their connection as the origin.
    if (tr.origin instanceof Connection) quotas.charge(tr.origin.member.memberId, eventsAdded(tr), 0);
  };
  return {
    attach: policy.attach?.bind(policy),
    *check(update, member, room): Steps<Checked> {
      const checked = policy.check(update, member, room);
      const result = isSteps(checked) ? yield* checked : checked;
      if (!result.changed) return result;
      quotas.check(member.memberId, update.byteLength);
      quotas.charge(member.memberId, 0, update.byteLength);
      if (!watched.has(room.doc)) {
        watched.add(room.doc);
        room.doc.on('afterTransaction', countEvents);
      }
      return result;
    },
  };
}

/** Elements of JSON content a transaction added (one per event: only event logs hold JSON). */
export function eventsAdded(tr: Y.Transaction): number {
  let events = 0;
  tr.afterState.forEach((after, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) return;
    const structs = tr.doc.store.clients.get(client) ?? [];
    // New structs of a client are its last ones; neighbours may have been merged into them.
    for (let i = structs.length - 1; i >= 0; i--) {
      const s = structs[i]!;
      const end = s.id.clock + s.length;
      if (end <= before) break;
      if (s instanceof Y.Item && s.content instanceof Y.ContentAny) {
        events += Math.min(end, after) - Math.max(s.id.clock, before);
      }
    }
  });
  return events;
}
