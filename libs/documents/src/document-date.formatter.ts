import { formatShanghai, formatShanghaiDate, InvalidBusinessDateError } from '@tiaojie/business-time';
import { DocumentInputError } from './documents.errors';

/** A business-time rendering whose malformed input is reported as a DocumentInputError naming the field. */
function asDocumentInput(field: string, render: () => string): string {
  try {
    return render();
  } catch (err) {
    if (err instanceof InvalidBusinessDateError) throw new DocumentInputError(err.message, field);
    throw err;
  }
}

/** `2024年3月1日 14:05` for an instant, in Asia/Shanghai. */
export function documentDateTime(instant: Date, field: string): string {
  return asDocumentInput(field, () => formatShanghai(instant));
}

/** `2024年3月1日` for an instant (its Asia/Shanghai calendar day) or for a calendar date `YYYY-MM-DD`. */
export function documentDate(date: Date | string, field: string): string {
  return asDocumentInput(field, () => formatShanghaiDate(date));
}
