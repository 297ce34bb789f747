import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BusListener, RelayOptions, RoomBus } from '../relay/types.ts';

// The sequence number and the stream entry are written in one step, so the stream's order is the
// sequence's order and a reader that sees a jump knows it missed something (trimmed, or Redis lost data).
const PUBLISH_UPDATE = `
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 's', seq, 'i', ARGV[1], 'u', ARGV[2])
return seq`;

// A publish that failed leaves its update in storage only: skipping a number makes every reader
// of the room see a gap and read storage, the same as if the entry had been trimmed.
const SKIP = `
redis.call('INCR', KEYS[2])
local seq = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 's', seq, 'i', ARGV[1])
return seq`;

// Where a room stands now: its sequence number and the ids of its newest entries, read in one step.
const POSITION = `
local function newest(key)
  local last = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
  if last[1] then return last[1][1] end
  return '0-0'
end
return {redis.call('GET', KEYS[2]) or '0', newest(KEYS[1]), newest(KEYS[3])}`;

interface Followed {
  listeners: Set<BusListener>;
  /** Last entry id read from the room's update and awareness streams. */
  cursor: string;
  awarenessCursor: string;
  /** Sequence number of the last update entry read. */
  seq: number;
}

export interface RedisBusOptions {
  /** Entries kept per room's update stream; a reader further behind reads storage instead. */
  maxLen?: number;
  log: RelayOptions['log'];
  /** ioredis options for both connections (tests shorten the retries). */
  redis?: RedisOptions;
}

// Hash tags keep a room's keys on one slot of a Redis cluster.
const keys = (room: string) => ({
  updates: `ls:{${room}}:u`,
  awareness: `ls:{${room}}:a`,
  seq: `ls:{${room}}:seq`,
});
/** Instance-wide messages: a member whose connections must close everywhere. */
const controlKey = 'ls:control';
const roomOfKey = (key: string) => key.slice(key.indexOf('{') + 1, key.lastIndexOf('}'));

type Entry = [id: Buffer, fields: Buffer[]];

/** XREAD's answer as [key, entries] pairs: RESP2 nests them, RESP3 (ioredis 6) flattens its map. */
function streamsOf(reply: unknown): [key: Buffer, entries: Entry[]][] {
  if (!Array.isArray(reply) || reply.length === 0) return [];
  if (Array.isArray(reply[0])) return reply as [Buffer, Entry[]][];
  const pairs: [Buffer, Entry[]][] = [];
  for (let i = 0; i + 1 < reply.length; i += 2) pairs.push([reply[i] as Buffer, reply[i + 1] as Entry[]]);
  return pairs;
}

function field(fields: Buffer[], name: string): Buffer | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]!.toString() === name) return fields[i + 1];
  return undefined;
}

/**
 * Redis Streams between relay instances: one stream per room for stored updates (with a sequence
 * number, so a gap is always noticed and filled from storage), one for awareness. One connection
 * blocks reading every followed room; another writes.
 */
export class RedisBus implements RoomBus {
  readonly instance = randomUUID();
  readonly #writer: Redis;
  readonly #reader: Redis;
  readonly #rooms = new Map<string, Followed>();
  /** Listeners whose join waits for Redis, with the room: a leave meanwhile takes them out. */
  readonly #joining = new Map<BusListener, string>();
  readonly #maxLen: number;
  readonly #log: RelayOptions['log'];
  #readerId: number | undefined;
  /** Rooms with a publish that failed: a skipped number is owed to their readers. */
  readonly #unannounced = new Set<string>();
  #readerWasReady = false;
  #closed = false;
  /** Last id read from the control stream; read from Redis once the reader first gets through. */
  #controlCursor: string | undefined;
  /** `disconnect`s Redis did not take (it was down past the client's retries): sent again once it is back. */
  readonly #owedControl: [memberId: string, code: number, reason: string][] = [];
  #onDisconnect: (memberId: string, code: number, reason: string) => void = () => {};
  #onMissed: () => void = () => {};
  readonly #loop: Promise<void>;

  constructor(url: string, options: RedisBusOptions) {
    this.#maxLen = options.maxLen ?? 10_000;
    this.#log = options.log;
    this.#writer = new Redis(url, { ...options.redis, lazyConnect: false });
    this.#reader = new Redis(url, { ...options.redis, lazyConnect: false });
    for (const r of [this.#writer, this.#reader])
      r.on('error', (e) => this.#log('warn', 'redis', { error: String(e) }));
    this.#reader.on('ready', () => {
      this.#readerId = undefined;
      // A reply lost with the old connection, or streams lost with a restarted Redis, would go
      // unnoticed until the room's next update: every followed room reads storage now. The control
      // stream has no numbers to show a gap: each reconnect, the first too (sockets admitted before
      // Redis answered), has the connections checked against storage.
      if (this.#readerWasReady) this.#gapAll();
      else this.#onMissed();
      this.#readerWasReady = true;
    });
    this.#writer.on('ready', () => {
      this.#announceSkipped();
      this.#sendOwedControl();
    });
    this.#loop = this.#read();
  }

  async join(room: string, listener: BusListener): Promise<void> {
    const followed = this.#rooms.get(room);
    if (followed) {
      followed.listeners.add(listener);
      return;
    }
    const k = keys(room);
    this.#joining.set(listener, room);
    let position: string[];
    try {
      position = (await this.#writer.eval(POSITION, 3, k.updates, k.seq, k.awareness)) as string[];
    } catch (e) {
      this.#joining.delete(listener);
      throw e;
    }
    // Left while the join waited (a room dropped again at once): not followed after all.
    const left = this.#joining.get(listener) !== room;
    this.#joining.delete(listener);
    if (left) return;
    const [seq, id, awarenessId] = position;
    // Another listener may have joined while this one waited.
    const again = this.#rooms.get(room);
    if (again) {
      again.listeners.add(listener);
      return;
    }
    this.#rooms.set(room, {
      listeners: new Set([listener]),
      cursor: id ?? '0-0',
      awarenessCursor: awarenessId ?? '0-0',
      seq: Number(seq),
    });
    this.#interrupt();
  }

  leave(room: string, listener: BusListener): void {
    if (this.#joining.get(listener) === room) this.#joining.delete(listener);
    const followed = this.#rooms.get(room);
    if (!followed) return;
    followed.listeners.delete(listener);
    if (followed.listeners.size === 0) this.#rooms.delete(room);
  }

  publish(room: string, kind: 'update' | 'awareness', payload: Uint8Array): void {
    const k = keys(room);
    const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
    const sent =
      kind === 'update'
        ? this.#writer.eval(PUBLISH_UPDATE, 2, k.updates, k.seq, this.instance, bytes, this.#maxLen)
        : this.#writer.xadd(k.awareness, 'MAXLEN', '~', 1000, '*', 'i', this.instance, 'a', bytes);
    sent.catch((e: unknown) => {
      this.#log('error', 'bus publish failed', { room, kind, error: String(e) });
      if (kind === 'update') {
        this.#unannounced.add(room);
        if (this.#writer.status === 'ready') this.#announceSkipped();
      }
    });
  }

  /** Tells the readers of each room whose publish failed to read storage. */
  #announceSkipped(): void {
    for (const room of [...this.#unannounced]) {
      this.#unannounced.delete(room);
      const k = keys(room);
      this.#writer.eval(SKIP, 2, k.updates, k.seq, this.instance, this.#maxLen).catch((e: unknown) => {
        this.#log('warn', 'bus skip failed', { room, error: String(e) });
        this.#unannounced.add(room);
      });
    }
  }

  /** Missed updates and control messages: every followed room reads storage, the connections are checked again. */
  #gapAll(): void {
    for (const f of this.#rooms.values()) for (const l of f.listeners) l.gap();
    this.#onMissed();
  }

  disconnect(memberId: string, code: number, reason: string): void {
    this.#writer
      .xadd(controlKey, 'MAXLEN', '~', 1000, '*', 'i', this.instance, 'm', memberId, 'c', String(code), 'r', reason)
      .catch((e: unknown) => {
        // Kept until Redis takes it: an instance whose reader never lost Redis would otherwise keep
        // the member's sockets open under what they no longer are.
        this.#log('error', 'bus disconnect failed; sent again once Redis is back', { memberId, error: String(e) });
        this.#owedControl.push([memberId, code, reason]);
      });
  }

  #sendOwedControl(): void {
    for (const owed of this.#owedControl.splice(0)) this.disconnect(...owed);
  }

  onDisconnect(handler: (memberId: string, code: number, reason: string) => void): void {
    this.#onDisconnect = handler;
  }

  onMissed(handler: () => void): void {
    this.#onMissed = handler;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#interrupt();
    const up = this.#reader.status === 'ready';
    this.#reader.disconnect();
    // With Redis down the loop's command waits in ioredis's offline queue, which disconnect() leaves
    // as it is: the loop is waited for only when its read was on a live connection.
    if (up) await this.#loop.catch(() => undefined);
    await quitOrDrop(this.#writer);
  }

  /** Ends the reader's blocking read so it starts again with the rooms followed now. */
  #interrupt(): void {
    if (this.#readerId !== undefined) void this.#writer.client('UNBLOCK', this.#readerId).catch(() => undefined);
  }

  async #read(): Promise<void> {
    while (!this.#closed) {
      const rooms = [...this.#rooms];
      try {
        this.#readerId ??= Number(await this.#reader.client('ID'));
        this.#controlCursor ??= (await this.#reader.xrevrange(controlKey, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
        const control = this.#controlCursor;
        const streams = [controlKey, ...rooms.flatMap(([room]) => [keys(room).updates, keys(room).awareness])];
        const cursors = [control, ...rooms.flatMap(([, f]) => [f.cursor, f.awarenessCursor])];
        const reply = await this.#reader.callBuffer(
          'XREAD',
          'COUNT',
          '1000',
          'BLOCK',
          '2000',
          'STREAMS',
          ...streams,
          ...cursors,
        );
        for (const [key, entries] of streamsOf(reply)) this.#deliver(key.toString(), entries);
      } catch (e) {
        if (this.#closed) return;
        this.#log('warn', 'bus read failed; catching up from storage', { error: String(e) });
        this.#readerId = undefined;
        await new Promise((r) => setTimeout(r, 250));
        // Whatever was published while the reader was away may be trimmed: every room reads storage.
        this.#gapAll();
      }
    }
  }

  #deliver(key: string, entries: Entry[]): void {
    if (key === controlKey) {
      this.#control(entries);
      return;
    }
    const followed = this.#rooms.get(roomOfKey(key));
    if (!followed) return;
    const isAwareness = key.endsWith(':a');
    for (const [id, fields] of entries) {
      const mine = field(fields, 'i')?.toString() === this.instance;
      if (isAwareness) {
        followed.awarenessCursor = id.toString();
        const update = field(fields, 'a');
        if (!mine && update) for (const l of followed.listeners) l.awareness(update);
        continue;
      }
      followed.cursor = id.toString();
      const seq = Number(field(fields, 's')?.toString());
      const missed = seq !== followed.seq + 1;
      followed.seq = seq;
      if (missed) for (const l of followed.listeners) l.gap();
      const update = field(fields, 'u');
      if (!mine && update) for (const l of followed.listeners) l.update(update);
    }
  }

  #control(entries: Entry[]): void {
    for (const [id, fields] of entries) {
      this.#controlCursor = id.toString();
      if (field(fields, 'i')?.toString() === this.instance) continue;
      const memberId = field(fields, 'm')?.toString();
      const code = Number(field(fields, 'c')?.toString());
      if (memberId && Number.isInteger(code)) this.#onDisconnect(memberId, code, field(fields, 'r')?.toString() ?? '');
    }
  }
}

/**
 * Ends a connection: politely (QUIT, after what was sent) when it is up; at once when it is not, where
 * QUIT would wait in ioredis's offline queue through its reconnect attempts (over a minute by default).
 */
export async function quitOrDrop(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => undefined);
  else redis.disconnect();
}
