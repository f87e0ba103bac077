/** File-level problems (the file as a whole cannot be read); row-level problems are RejectedRow items. */
export type IntakeFormatErrorCode =
  'unrecognised-format' | 'unexpected-format' | 'sheet-not-found' | 'invalid-mapping' | 'unreadable-file';

export class IntakeFormatError extends Error {
  constructor(
    readonly code: IntakeFormatErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IntakeFormatError';
  }
}
