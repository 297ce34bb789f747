import type { AppEvent } from '../../../shared/events/index.ts';
import { foldEvents } from '../../../shared/folds/index.ts';
import type { Member } from '../../../shared/roles.ts';
import type { DocKind } from '../../../shared/rooms.ts';
import { relayCopy } from './relayCopy.ts';

export interface OfflineWrite {
  events: AppEvent[];
  member: Member;
}

/**
 * Two (or more) honest phones start from `base`, each writes its events offline, then each sends
 * them to the relay (which checks them with its CausalGuard). Done once per order of Yjs client ids,
 * so concurrent events land in the log in every order Yjs can pick. Returns the relay's log and its
 * fold for each order; throws if the relay refuses anything, unless `refusals` is 'collect': then a
 * refused write is left out (the relay drops the document and loads it again without it) and its
 * index in `writes` listed in `refused`.
 */
export function everyMergeOrder(
  base: readonly AppEvent[],
  writes: OfflineWrite[],
  kind: DocKind = 'public',
  refusals: 'throw' | 'collect' = 'throw',
) {
  const orders = permutations(writes.map((_, i) => i));
  return orders.map((order) => {
    let copy = relayCopy(base, kind);
    const phones = writes.map((w, i) => {
      const doc = copy.phone(10 + order.indexOf(i) * 10);
      doc.getArray('events').push(w.events);
      return doc;
    });
    const sent: number[] = [];
    const refused: number[] = [];
    writes.forEach((w, i) => {
      try {
        copy.send(phones[i]!, w.events, w.member);
        sent.push(i);
      } catch (error) {
        if (refusals === 'throw') throw error;
        refused.push(i);
        copy = relayCopy(base, kind);
        for (const j of sent) copy.send(phones[j]!, writes[j]!.events, writes[j]!.member);
      }
    });
    const events = copy.events();
    return { order, events, state: foldEvents(events), refused };
  });
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

export const reasonOf = (state: ReturnType<typeof foldEvents>, id: string) =>
  state.anomalies.find((a) => a.eventId === id)?.reason;
