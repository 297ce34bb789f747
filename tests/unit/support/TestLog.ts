import type { AppEvent, EventFields, EventOf, EventType } from '../../../shared/events/index.ts';

/** Builds an event log for a test: ids e1, e2... (or given), one minute apart. */
export class TestLog {
  readonly events: AppEvent[] = [];
  at = Date.parse('2024-05-06T01:00:00Z');
  #n = 0;

  add<T extends EventType>(type: T, by: string, fields: EventFields<T>, id?: string): EventOf<T> {
    this.at += 60_000;
    this.#n += 1;
    const event = { id: id ?? `e${this.#n}`, type, at: this.at, by, ...fields } as unknown as EventOf<T>;
    this.events.push(event);
    return event;
  }
}

export const photo = 'a'.repeat(64);
