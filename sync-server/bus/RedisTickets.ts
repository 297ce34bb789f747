import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Member } from '../../shared/roles.ts';
import { TICKET_TTL_MS, type Tickets } from '../auth/TicketBook.ts';
import { newToken } from '../auth/tokens.ts';
import { quitOrDrop } from './RedisBus.ts';

// Only a hash of the ticket is kept, like member tokens: reading Redis opens no socket.
const ticketKey = (ticket: string) => `ls:ticket:${createHash('sha256').update(ticket).digest('hex')}`;
const memberKey = (memberId: string) => `ls:tickets:${memberId}`;

/**
 * Sync tickets in Redis, with Redis's own expiry: a ticket fetched from one instance opens a socket
 * on any other, and a rotated token ends its member's tickets everywhere.
 */
export class RedisTickets implements Tickets {
  readonly #redis: Redis;

  constructor(
    url: string,
    private readonly now: () => number,
    private readonly ttlMs = TICKET_TTL_MS,
  ) {
    // While Redis is down a command fails after two attempts to reconnect (a few hundred ms) instead
    // of waiting through ioredis's default twenty (over a minute): a phone's connect is refused and
    // tried again, and a token rotation goes through without forgetting the old token's tickets.
    this.#redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.#redis.on('error', () => {});
  }

  async issue(member: Member): Promise<{ ticket: string; expiresAt: number }> {
    const ticket = newToken();
    const key = ticketKey(ticket);
    await this.#redis
      .multi()
      .set(key, member.memberId, 'PX', this.ttlMs)
      .sadd(memberKey(member.memberId), key)
      .pexpire(memberKey(member.memberId), this.ttlMs)
      .exec();
    return { ticket, expiresAt: this.now() + this.ttlMs };
  }

  async holder(ticket: string): Promise<string | undefined> {
    return (await this.#redis.get(ticketKey(ticket))) ?? undefined;
  }

  async forgetMember(memberId: string): Promise<void> {
    const keys = await this.#redis.smembers(memberKey(memberId));
    await this.#redis.del(memberKey(memberId), ...keys);
  }

  async close(): Promise<void> {
    await quitOrDrop(this.#redis);
  }
}
