/** When an event was written: its time and id, for settings kept as the latest wherever the log holds them. */
export interface Stamp {
  at: number;
  eventId: string;
}

/**
 * True if the event (`at`, `id`) was written after `held`: a later time, or the larger id at the
 * same time; always when nothing is held. Two phones that changed one setting offline end with the
 * same value whichever order Yjs merged their events in. The relay refuses a stamp more than a day
 * ahead of its clock (`clock_ahead`), so no one wins such a setting for good.
 */
export function isNewer(at: number, id: string, held: Stamp | null | undefined): boolean {
  return !held || at > held.at || (at === held.at && id > held.eventId);
}

/** Puts `item` in a list kept in (at, id) order: the same list wherever the log holds its events. */
export function putInOrder<T extends Stamp>(list: T[], item: T): void {
  let i = list.length;
  while (i > 0 && isNewer((list[i - 1] as T).at, (list[i - 1] as T).eventId, item)) i--;
  // Nearly every item is the latest: a push spares splice's array of removed items.
  if (i === list.length) list.push(item);
  else list.splice(i, 0, item);
}
