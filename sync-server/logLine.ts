/** Longest text a log field keeps: what a client sent can be megabytes long. */
export const LOG_FIELD_CHARS = 200;

/** One JSON log line; every text field is cut to LOG_FIELD_CHARS, saying how long it was. */
export function logLine(level: string, message: string, fields: Record<string, unknown> = {}): string {
  const capped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    capped[key] =
      typeof value === 'string' && value.length > LOG_FIELD_CHARS
        ? `${value.slice(0, LOG_FIELD_CHARS)}… (${value.length} chars)`
        : value;
  }
  return JSON.stringify({ level, message, ...capped });
}
