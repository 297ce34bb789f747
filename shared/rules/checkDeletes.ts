import * as Y from 'yjs';
import { RejectReason, RuleError } from '../errors.ts';
import type { UpdateParts } from './readUpdate.ts';
import { indexAt, type Place, type StoredView } from './resolvePlaces.ts';

/**
 * Checks the update's delete ranges: none may touch an event, none may reach past what the document
 * and the update hold (Yjs would park it as a pending delete). Returns true if any range deletes
 * something not yet deleted. Linear: ranges are sorted and apart, so each struct is visited once.
 */
export function checkDeletes(parts: UpdateParts, view: StoredView, places: (Place | undefined)[]): boolean {
  let fresh = false;
  for (const [client, ranges] of parts.deletes) {
    const known = view.known(client);
    const reach = view.reach(client);
    const stored = view.store.clients.get(client);
    const run = parts.runs.get(client);
    for (const [clock, len] of ranges) {
      const end = clock + len;
      if (end > reach) throw new RuleError(RejectReason.Unresolved, `delete of unknown items ${client}:${clock}`);
      if (stored && clock < known) {
        for (let i = Y.findIndexSS(stored, clock); i < stored.length; i++) {
          const s = stored[i] as Y.Item | Y.GC;
          if (s.id.clock >= end) break;
          if (s instanceof Y.GC || s.deleted) continue;
          if (view.placeOf(s) === 'events') throw forbidden();
          fresh = true;
        }
      }
      if (run && end > known) {
        for (let i = indexAt(parts.structs, run.first, run.end, Math.max(clock, known)); i >= 0 && i < run.end; i++) {
          const s = parts.structs[i]!;
          if (s.clock >= end) break;
          const place = places[i];
          if (s.kind !== 'item' || place === 'gc') continue;
          if (place === 'events') throw forbidden();
          if (s.content?.kind !== 'deleted') fresh = true;
        }
      }
    }
  }
  return fresh;
}

const forbidden = () => new RuleError(RejectReason.DeleteForbidden, 'events cannot be deleted');
