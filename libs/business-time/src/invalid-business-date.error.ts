/** Thrown when a business date string or an instant handed to the business-time helpers is malformed. */
export class InvalidBusinessDateError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBusinessDateError';
  }
}
