import * as v from 'valibot';
import { memberEvents } from './member.ts';
import { requestEvents } from './request.ts';

/** Every event type of the product, one valibot schema each. */
export const eventSchemas = [...requestEvents, ...memberEvents] as const;

export const EventSchema = v.variant('type', eventSchemas);
export type AppEvent = v.InferOutput<typeof EventSchema>;
export type EventType = AppEvent['type'];
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;

const byType = new Map<string, v.GenericSchema>(eventSchemas.map((s) => [s.entries.type.literal, s]));

/** The schema of one event type, or undefined for an unknown type. */
export function schemaOf(type: string): v.GenericSchema | undefined {
  return byType.get(type);
}

export type { Envelope } from './envelope.ts';
