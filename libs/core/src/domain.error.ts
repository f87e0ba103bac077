import { ErrorCode } from './error-codes';

/** A failure the caller can act on. `details` is safe to show to the client. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found${id ? `: ${id}` : ''}`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static validation(message: string, details?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, details);
  }
}
