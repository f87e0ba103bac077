/** Stable error codes: clients switch on these, never on messages. */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  OTP_INVALID = 'OTP_INVALID',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  CONFLICT = 'CONFLICT',
  /** An Idempotency-Key (or a message's clientMsgId) sent again with a different request body. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** Judicial confirmation asked for after its window (30 days after the agreement took effect) closed. */
  CONFIRMATION_WINDOW_CLOSED = 'CONFIRMATION_WINDOW_CLOSED',
  /** Enforcement asked for on an agreement the court has not confirmed. */
  CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED',
  DEMO_DISABLED = 'DEMO_DISABLED',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** An upload whose bytes are not one of the accepted file types (sniffed, not the client's claim). */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  BAD_REQUEST = 'BAD_REQUEST',
  /** A dependency (the database) is unreachable for now; retry later. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** A write failed for lack of disk space or permission on the storage; retry once an operator fixed it. */
  STORAGE_UNAVAILABLE = 'STORAGE_UNAVAILABLE',
  /** A call already holds its six participants (a browser mesh). */
  CALL_FULL = 'CALL_FULL',
  /** An online session's call needs every party's online-mediation consent first. */
  ONLINE_CONSENT_REQUIRED = 'ONLINE_CONSENT_REQUIRED',
  INTERNAL = 'INTERNAL',
}

/** HTTP status for each code; the one place this mapping lives. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.TOKEN_EXPIRED]: 401,
  [ErrorCode.INVALID_CREDENTIALS]: 401,
  [ErrorCode.OTP_INVALID]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.DEMO_DISABLED]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.ILLEGAL_TRANSITION]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 409,
  [ErrorCode.CONFIRMATION_WINDOW_CLOSED]: 409,
  [ErrorCode.CONFIRMATION_REQUIRED]: 409,
  [ErrorCode.CALL_FULL]: 409,
  [ErrorCode.ONLINE_CONSENT_REQUIRED]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.STORAGE_UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};
