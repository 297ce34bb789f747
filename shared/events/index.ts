import * as v from 'valibot';
import { RejectReason } from '../errors.ts';
import { issueMessage } from '../issueMessage.ts';
import { careEvents } from './care.ts';
import type { Check } from './compileCheck.ts';
import { compileCheck } from './compileCheck.ts';
import { gridEvents } from './grid.ts';
import { ledgerEvents } from './ledger.ts';
import { meetingEvents, minutesEvents } from './meeting.ts';
import { memberEvents } from './member.ts';
import { pointsEvents } from './points.ts';
import { practiceEvents } from './practice.ts';
import { requestEvents } from './request.ts';
import { rosterEvents } from './roster.ts';
import { unitEvents } from './unit.ts';

/** Every event type of the product, one valibot schema each. */
export const eventSchemas = [
  ...requestEvents,
  ...rosterEvents,
  ...careEvents,
  ...unitEvents,
  ...pointsEvents,
  ...ledgerEvents,
  ...practiceEvents,
  ...gridEvents,
  ...meetingEvents,
  ...minutesEvents,
  ...memberEvents,
] as const;

/** Any event of the product; prefer `schemaOf(type)` on hot paths (a variant tries its options in turn). */
export const EventSchema = v.variant('type', eventSchemas);
export type AppEvent = v.InferOutput<typeof EventSchema>;
export type EventType = AppEvent['type'];
export type EventOf<T extends EventType> = Extract<AppEvent, { type: T }>;
/** The payload of an event type, without the envelope. */
export type EventFields<T extends EventType> = Omit<EventOf<T>, 'id' | 'type' | 'at' | 'by'>;

/** Every event type name, in registry order. */
export const eventTypes: readonly EventType[] = eventSchemas.map((s) => s.entries.type.literal);

const byType = new Map<string, v.GenericSchema>(eventSchemas.map((s) => [s.entries.type.literal, s]));

/** The schema of one event type, or undefined for an unknown type. */
export function schemaOf(type: string): v.GenericSchema | undefined {
  return byType.get(type);
}

/** Each type's schema and compiled check, found with one look-up. */
const parsers = new Map<string, { schema: v.GenericSchema; check: Check | undefined }>(
  eventSchemas.map((s) => [s.entries.type.literal, { schema: s, check: compileCheck(s) }]),
);

/**
 * An event that passed its schema, or why not: an unknown type, or a known type whose schema it
 * fails, with the first issue in English for logs (`why`).
 */
export type ParsedEvent =
  | { ok: true; event: AppEvent }
  | { ok: false; reason: typeof RejectReason.UnknownType; type: string; why: string }
  | { ok: false; reason: typeof RejectReason.Schema; type: EventType; why: string };

/**
 * The event itself if it passes its type's compiled check, else undefined (then ask `parseEvent`,
 * which also knows why). Allocates nothing: folds call it on every event of a log.
 */
export function fastEvent(json: unknown): AppEvent | undefined {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  const parser = typeof type === 'string' ? parsers.get(type) : undefined;
  return parser?.check?.(json) ? (json as AppEvent) : undefined;
}

/**
 * Parses one event against its own type's schema: the event, or why it fails (see ParsedEvent).
 * A valid event is returned as is (schemas are strict and transform nothing); only invalid
 * ones go through valibot, for the message.
 */
export function parseEvent(json: unknown): ParsedEvent {
  const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : undefined;
  const parser = typeof type === 'string' ? parsers.get(type) : undefined;
  if (!parser) {
    const name = typeof type === 'string' ? type : '';
    return { ok: false, reason: RejectReason.UnknownType, type: name, why: `unknown type ${String(type)}` };
  }
  if (parser.check?.(json)) return { ok: true, event: json as AppEvent };
  const parsed = v.safeParse(parser.schema, json);
  if (parsed.success) return { ok: true, event: parsed.output as AppEvent };
  return { ok: false, reason: RejectReason.Schema, type: type as EventType, why: issueMessage(parsed.issues) };
}

export type { Envelope } from './envelope.ts';
