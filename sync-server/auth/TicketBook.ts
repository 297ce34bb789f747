import type { Member } from '../../shared/roles.ts';
import { newToken } from './tokens.ts';

/** How long a sync ticket opens sockets. */
export const TICKET_TTL_MS = 60_000;

/** Where sync tickets live: this process's memory, or Redis when several instances share the load. */
export interface Tickets {
  issue(member: Member): { ticket: string; expiresAt: number } | Promise<{ ticket: string; expiresAt: number }>;
  /** The member a ticket was issued to, while it lives. */
  holder(ticket: string): string | undefined | Promise<string | undefined>;
  /** Ends every ticket of a member (their token was rotated). */
  forgetMember(memberId: string): void | Promise<void>;
}

interface Ticket {
  memberId: string;
  expiresAt: number;
}

/**
 * Short-lived sync tickets: a member fetches one with their Bearer token and opens `/sync` with
 * `?ticket=`, so the long-lived token stays out of URLs (and proxy logs). A ticket opens sockets
 * of its member only, for `TICKET_TTL_MS`; it is no Bearer token. Kept in memory: a restart
 * forgets them, and the app fetches another.
 */
export class TicketBook implements Tickets {
  private readonly tickets = new Map<string, Ticket>();
  private nextSweep = 0;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = TICKET_TTL_MS,
  ) {}

  issue(member: Member): { ticket: string; expiresAt: number } {
    this.sweep();
    const ticket = newToken();
    const expiresAt = this.now() + this.ttlMs;
    this.tickets.set(ticket, { memberId: member.memberId, expiresAt });
    return { ticket, expiresAt };
  }

  /** The member a ticket was issued to, while it lives. */
  holder(ticket: string): string | undefined {
    const found = this.tickets.get(ticket);
    return found && found.expiresAt > this.now() ? found.memberId : undefined;
  }

  /** Ends every ticket of a member (their token was rotated). */
  forgetMember(memberId: string): void {
    for (const [ticket, t] of this.tickets) if (t.memberId === memberId) this.tickets.delete(ticket);
  }

  private sweep(): void {
    const now = this.now();
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.ttlMs;
    for (const [ticket, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(ticket);
  }
}
