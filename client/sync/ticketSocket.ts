import { ApiError } from '../../shared/api/ApiError.ts';
import { CloseCode } from '../../shared/errors.ts';

/**
 * Close codes a ticket socket reports for itself. Both are below 4400, so the provider retries
 * with its own back-off, and every retry fetches a new ticket.
 */
export const TicketClose = {
  /** No ticket: offline, or the API did not answer with one. */
  Unavailable: 4000,
  /** The relay refused the ticket (expired, forgotten by a restart) or dropped its member: ask the API again. */
  Refused: 4001,
} as const;

/** Fetches a fresh sync ticket with the member token; an ApiError says why there is none. */
export type TicketSource = () => Promise<string>;

type Handler<E> = ((event: E) => void) | null;

/** Node before 22 has Event but no CloseEvent; the provider reads only code and reason. */
function closeEvent(code: number, reason: string): CloseEvent {
  return Object.assign(new Event('close'), { code, reason, wasClean: false }) as CloseEvent;
}

/** Only a refused token is final (4401: removed, or rotated on another phone); anything else is retried. */
function noTicket(e: unknown): CloseEvent {
  if (!(e instanceof ApiError)) return closeEvent(TicketClose.Unavailable, String(e));
  if (e.status === 401) return closeEvent(CloseCode.Unauthenticated, e.message);
  if (e.status === 429) return closeEvent(CloseCode.RateLimited, e.message);
  return closeEvent(TicketClose.Unavailable, e.message);
}

/**
 * A WebSocket class for y-websocket's `WebSocketPolyfill`. The provider constructs one for its
 * first connect and for every reconnect, on its own back-off; each first fetches a fresh ticket,
 * then opens the same URL with `?ticket=`, so the member token never travels in a URL.
 *
 * - The API refuses the token (401): closes with 4401, the provider stops and the app's "removed
 *   from this compound" path takes over.
 * - No answer (offline, server down): closes with `TicketClose.Unavailable`; one fetch per attempt.
 * - The relay refuses the ticket or drops the member (4401 on the socket): reported as
 *   `TicketClose.Refused`, so the next attempt asks the API, which tells a dead ticket from a dead token.
 */
export function ticketSocket(fetchTicket: TicketSource, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  class TicketSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'blob';
    onopen: Handler<Event> = null;
    onmessage: Handler<MessageEvent> = null;
    onerror: Handler<Event> = null;
    onclose: Handler<CloseEvent> = null;
    private socket: WebSocket | undefined;
    /** Closed by the caller, or failed: a ticket arriving later opens nothing. */
    private ended = false;

    constructor(
      readonly url: string,
      private readonly protocols?: string | string[],
    ) {
      fetchTicket().then(
        (ticket) => this.open(ticket),
        (e: unknown) => this.fail(noTicket(e)),
      );
    }

    get readyState(): number {
      if (this.socket) return this.socket.readyState;
      return this.ended ? this.CLOSED : this.CONNECTING;
    }

    send(data: Parameters<WebSocket['send']>[0]): void {
      if (!this.socket) throw new DOMException('the socket is not open yet', 'InvalidStateError');
      this.socket.send(data);
    }

    close(code?: number, reason?: string): void {
      this.ended = true;
      this.socket?.close(code, reason);
    }

    private open(ticket: string): void {
      if (this.ended) return;
      const url = new URL(this.url);
      url.searchParams.delete('token');
      url.searchParams.set('ticket', ticket);
      const ws = new Base(url.href, this.protocols);
      ws.binaryType = this.binaryType;
      ws.onopen = (e) => this.onopen?.(e);
      ws.onmessage = (e) => this.onmessage?.(e);
      ws.onerror = (e) => this.onerror?.(e);
      ws.onclose = (e) => {
        this.ended = true;
        this.onclose?.(e.code === CloseCode.Unauthenticated ? closeEvent(TicketClose.Refused, e.reason) : e);
      };
      this.socket = ws;
    }

    private fail(event: CloseEvent): void {
      if (this.ended) return;
      this.ended = true;
      this.onclose?.(event);
    }
  }
  return TicketSocket as unknown as typeof WebSocket;
}
