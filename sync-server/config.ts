import * as v from 'valibot';
import { issueMessage } from '../shared/issueMessage.ts';

const int = (fallback: number, min = 0) =>
  v.pipe(
    v.optional(v.string(), String(fallback)),
    v.transform((s) => Number(s)),
    v.number(),
    v.integer(),
    v.minValue(min),
  );

/** Every setting comes from the environment; the README lists them. */
const EnvSchema = v.object({
  HOST: v.optional(v.string(), '127.0.0.1'),
  PORT: int(8787),
  DATA_DIR: v.optional(v.string(), './data'),
  REDIS_URL: v.optional(v.pipe(v.string(), v.regex(/^rediss?:\/\//, 'must start with redis://'))),
  CROSS_INSTANCE_WAIT_MS: int(3000, 0),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'must start with postgres://'))),
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.url())),
  MAX_FRAME_BYTES: int(2 * 1024 * 1024, 1024),
  WS_MESSAGES_PER_SECOND: int(200, 1),
  WS_MESSAGE_BURST: int(1000, 1),
  WS_BYTES_PER_SECOND: int(2 * 1024 * 1024, 1024),
  WS_BYTE_BURST: int(8 * 1024 * 1024, 1024),
  WS_DEFLATE: v.optional(v.picklist(['on', 'off']), 'off'),
  FIRST_JOIN_SNAPSHOT: v.optional(v.picklist(['on', 'off']), 'on'),
  MAX_CONNECTIONS_PER_MEMBER: int(30, 1),
  MEMBER_SYNC_BYTES_PER_SECOND: int(64 * 1024, 1024),
  MEMBER_SYNC_BYTE_BURST: int(4 * 1024 * 1024, 1024),
  MEMBER_CONNECTS_PER_MINUTE: int(60, 1),
  MEMBER_CONNECT_BURST: int(30, 1),
  MAX_UPDATE_STRUCTS: int(10_000, 1),
  MAX_UPDATE_EVENT_STRUCTS: int(1_000, 1),
  ROOM_IDLE_MS: int(30_000, 0),
  COMPACT_EVERY: int(500, 2),
  RATE_LIMITS: v.optional(v.picklist(['on', 'off']), 'on'),
  API_REQUESTS_PER_MINUTE: int(120, 1),
  API_BURST: int(60, 1),
  MEMBER_API_REQUESTS_PER_MINUTE: int(120, 1),
  MEMBER_API_BURST: int(60, 1),
  TRUST_PROXY: int(0),
  RATE_LIMIT_ADDRESSES: int(10_000, 1),
  MEMBER_EVENTS_PER_DAY: int(10_000, 1),
  MEMBER_BYTES_PER_DAY: int(32 * 1024 * 1024, 1),
  COMPOUND_IMAGES: int(10_000, 1),
  COMPOUND_IMAGE_BYTES: int(1024 * 1024 * 1024, 1),
  IMAGE_MAX_BYTES: int(1024 * 1024, 1024),
  SQLITE_SYNC: v.optional(v.picklist(['normal', 'full']), 'normal'),
  STATIC_DIR: v.optional(v.string(), './dist'),
  DEMO: v.optional(v.picklist(['0', '1']), '0'),
  LOG: v.optional(v.picklist(['info', 'warn', 'error', 'silent']), 'info'),
});

export type Config = ReturnType<typeof readConfig>;

/** Reads and checks the environment; throws a clear message naming the bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = v.safeParse(EnvSchema, env);
  if (!parsed.success) throw new Error(`bad environment variable ${issueMessage(parsed.issues)}`);
  const e = parsed.output;
  // Instances share what lasts through Postgres; a SQLite file per instance would split the data.
  if (e.REDIS_URL && !e.DATABASE_URL) throw new Error('bad environment variable REDIS_URL: it needs DATABASE_URL too');
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    /** Set: documents, accounts and images live in Postgres; unset: SQLite in DATA_DIR. */
    databaseUrl: e.DATABASE_URL,
    /** Set: several instances share rooms through Redis Streams. */
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL,
    staticDir: e.STATIC_DIR,
    demo: e.DEMO === '1',
    logLevel: e.LOG,
    sqliteSync: e.SQLITE_SYNC,
    imageMaxBytes: e.IMAGE_MAX_BYTES,
    rateLimits: e.RATE_LIMITS === 'on',
    api: { perMinute: e.API_REQUESTS_PER_MINUTE, burst: e.API_BURST, addresses: e.RATE_LIMIT_ADDRESSES },
    memberApi: { perMinute: e.MEMBER_API_REQUESTS_PER_MINUTE, burst: e.MEMBER_API_BURST },
    /** How many reverse proxies stand in front; 0 reads the client address from the socket. */
    trustProxy: e.TRUST_PROXY,
    /** Lifted with the rate limits by RATE_LIMITS=off. */
    quotas: {
      eventsPerDay: e.MEMBER_EVENTS_PER_DAY,
      bytesPerDay: e.MEMBER_BYTES_PER_DAY,
      compoundImages: e.COMPOUND_IMAGES,
      compoundImageBytes: e.COMPOUND_IMAGE_BYTES,
    },
    rules: { maxStructs: e.MAX_UPDATE_STRUCTS, maxEventStructs: e.MAX_UPDATE_EVENT_STRUCTS },
    /** permessage-deflate on the sync sockets: large sync answers in a quarter of the bytes, at a CPU cost on every frame phones send. */
    deflate: e.WS_DEFLATE === 'on',
    /** A phone's first join fetches each large document whole over HTTP, brotli-compressed, before its socket. */
    snapshots: e.FIRST_JOIN_SNAPSHOT === 'on',
    relay: {
      compactEvery: e.COMPACT_EVERY,
      idleMs: e.ROOM_IDLE_MS,
      crossInstanceWaitMs: e.CROSS_INSTANCE_WAIT_MS,
      limits: {
        maxFrameBytes: e.MAX_FRAME_BYTES,
        messagesPerSecond: e.WS_MESSAGES_PER_SECOND,
        messageBurst: e.WS_MESSAGE_BURST,
        bytesPerSecond: e.WS_BYTES_PER_SECOND,
        byteBurst: e.WS_BYTE_BURST,
        connectionsPerMember: e.MAX_CONNECTIONS_PER_MEMBER,
        maxBufferedBytes: 16 * 1024 * 1024,
        // Presence is a name and a cursor; anything near these is not the app.
        awarenessStateBytes: 8 * 1024,
        awarenessClients: 4,
        // Per member across connections and reconnects; lifted with the rate limits by RATE_LIMITS=off.
        member:
          e.RATE_LIMITS === 'on'
            ? {
                bytesPerSecond: e.MEMBER_SYNC_BYTES_PER_SECOND,
                byteBurst: e.MEMBER_SYNC_BYTE_BURST,
                connectsPerMinute: e.MEMBER_CONNECTS_PER_MINUTE,
                connectBurst: e.MEMBER_CONNECT_BURST,
              }
            : undefined,
      },
    },
  };
}
