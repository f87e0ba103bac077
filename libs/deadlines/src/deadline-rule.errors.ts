import { DomainError, ErrorCode } from '@tiaojie/core';
import { DeadlineRuleError, type DeadlineRuleErrorCode } from './core/deadline-errors';
import { InvalidBusinessDateError } from '@tiaojie/business-time';

/** Rules that depend on the case's current state (answered 409); the rest are bad input (400). */
const STATE_RULES: ReadonlySet<DeadlineRuleErrorCode> = new Set<DeadlineRuleErrorCode>([
  'TOO_MANY_EXTENSIONS',
  'ALREADY_PAUSED',
  'NOT_PAUSED',
  'DEADLINE_PASSED',
  'ADJUSTMENT_OUT_OF_ORDER',
]);

/**
 * A deadline-engine error as a DomainError with a stable code: `details.rule` carries the engine's code
 * (e.g. EXTENSION_CONSENT_REQUIRED). Anything else is returned unchanged.
 */
export function toDomainError(err: unknown): unknown {
  if (err instanceof DeadlineRuleError) {
    const code = STATE_RULES.has(err.code) ? ErrorCode.CONFLICT : ErrorCode.VALIDATION_FAILED;
    return new DomainError(code, `期限规则不允许此操作`, { rule: err.code });
  }
  if (err instanceof InvalidBusinessDateError)
    return DomainError.validation(err.message, { rule: 'INVALID_DATE' });
  return err;
}
