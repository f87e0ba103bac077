/** Error classes of the deadline engine; callers can branch on `instanceof` or on `code`. */

/** Thrown when holiday calendar data (built in or admin-added) is malformed or inconsistent. */
export class CalendarDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarDataError';
  }
}

export type DeadlineRuleErrorCode =
  | 'UNKNOWN_REGIME'
  | 'INVALID_POLICY'
  | 'INVALID_START'
  | 'DAYS_REQUIRED'
  | 'INVALID_DAYS'
  | 'INVALID_PAUSED_DAYS'
  | 'INVALID_EXTENSION_DAYS'
  | 'EXTENSION_NOT_ALLOWED'
  | 'TOO_MANY_EXTENSIONS'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_CONSENT_REQUIRED'
  | 'EXTENSION_REASON_REQUIRED'
  | 'PARTIES_REQUIRED'
  | 'INVALID_ADJUSTMENT'
  | 'ADJUSTMENT_OUT_OF_ORDER'
  | 'ALREADY_PAUSED'
  | 'NOT_PAUSED'
  | 'PAUSE_REASON_REQUIRED'
  | 'DEADLINE_PASSED';

/** Thrown when a deadline request breaks the regime's rules; `code` is stable, `message` is for people. */
export class DeadlineRuleError extends Error {
  constructor(
    readonly code: DeadlineRuleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeadlineRuleError';
  }
}
