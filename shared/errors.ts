/** Websocket close codes the relay uses; the client turns each into words (client/i18n). */
export const CloseCode = {
  /** A frame that is not the y-websocket protocol, or an update Yjs cannot decode. */
  BadMessage: 4400,
  /** Missing, unknown or revoked token. */
  Unauthenticated: 4401,
  /** The member may not read this document, or may read but not write it. */
  Forbidden: 4403,
  /** No such compound or document. */
  NotFound: 4404,
  /** A frame over the size limit. */
  TooLarge: 4413,
  /** An update that breaks the governance rules (deletes an event, forged author, bad schema...). */
  UpdateRejected: 4422,
  /** Too many messages, bytes or connections. */
  RateLimited: 4429,
  /** The member's events or bytes for today are used up; the relay takes more tomorrow. */
  QuotaExceeded: 4430,
  /** The server failed to store an update; nothing was forwarded. */
  ServerError: 4500,
  /** The server is shutting down (the websocket protocol's own 1001); the client reconnects. */
  GoingAway: 1001,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which the client's copy of a document holds something the relay refused. */
export const poisoningCloseCodes: readonly number[] = [
  CloseCode.BadMessage,
  CloseCode.Forbidden,
  CloseCode.UpdateRejected,
];

/** Close codes after which reconnecting cannot help until the user acts. */
export const fatalCloseCodes: readonly number[] = [CloseCode.Unauthenticated, CloseCode.Forbidden, CloseCode.NotFound];

/** Error codes of the JSON API: `{"error":{"code","message"}}`. */
export const ApiErrorCode = {
  BadRequest: 'bad_request',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  InviteNotFound: 'invite_not_found',
  InviteExpired: 'invite_expired',
  InviteUsedUp: 'invite_used_up',
  Conflict: 'conflict',
  TooLarge: 'too_large',
  UnsupportedMedia: 'unsupported_media',
  RateLimited: 'rate_limited',
  /** The compound holds as many images as it may. */
  ImageCountQuota: 'image_count_quota',
  /** The compound's images take as many bytes as they may. */
  ImageByteQuota: 'image_byte_quota',
  Internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}

/** Why the relay refused an update; the reason string is sent as the close reason. */
export const RejectReason = {
  DeleteForbidden: 'delete_forbidden',
  Schema: 'schema',
  ForgedAuthor: 'forged_author',
  NotPermitted: 'not_permitted',
  UnknownType: 'unknown_type',
  WrongDocument: 'wrong_document',
  UnknownRoot: 'unknown_root',
  NestedType: 'nested_type',
  MapWrite: 'map_write',
  BadContent: 'bad_content',
  Unresolved: 'unresolved',
  ReadOnly: 'read_only',
  Malformed: 'malformed',
  TooLarge: 'too_large',
  /** The member has appended as many events today as they may. */
  EventQuota: 'event_quota',
  /** The update would take the member past the bytes they may append today. */
  ByteQuota: 'byte_quota',
} as const;
export type RejectReason = (typeof RejectReason)[keyof typeof RejectReason];

/** The close code of a refused update, where it is not `UpdateRejected`. */
export const refusalCloseCodes: Readonly<Partial<Record<RejectReason, CloseCode>>> = {
  [RejectReason.ReadOnly]: CloseCode.Forbidden,
  [RejectReason.Malformed]: CloseCode.BadMessage,
  [RejectReason.EventQuota]: CloseCode.QuotaExceeded,
  [RejectReason.ByteQuota]: CloseCode.QuotaExceeded,
};

/** A refusal carrying a reason (never returned as if it were data). */
export class RuleError extends Error {
  constructor(
    readonly reason: RejectReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'RuleError';
  }
}
