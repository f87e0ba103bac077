/**
 * @tiaojie/intake-parsers: pure, streaming parsers for the intake exports (12345 work orders,
 * grid reports, court referrals) and cross-channel duplicate matching. No database, no NestJS.
 */
export type {
  AcceptedRow,
  CellValue,
  ColumnMapping,
  CourtParty,
  CourtReferralRecord,
  DetectOptions,
  DetectedFormat,
  FileContainer,
  GridReportRecord,
  IntakeFormat,
  IntakeRecord,
  IntakeRow,
  RawRow,
  ReadOptions,
  RejectedRow,
  RowIssue,
  Satisfaction,
  TableRow,
  TextEncoding,
  WorkOrderRecord,
  WorkOrderSource,
} from './intake.types';
export { parseTableRow, readIntakeFile } from './intake-file.reader';
export { detectFormat, FORMAT_LABELS } from './format-detector';
export { sniffBytes, sniffFile, type SniffResult } from './file-sniffer';
export { IntakeFormatError, type IntakeFormatErrorCode } from './intake-format.error';
export {
  CANONICAL_COLUMNS,
  COURT_REFERRAL_COLUMNS,
  DEFAULT_SHEETS,
  GRID_REPORT_COLUMNS,
  INTAKE_FORMATS,
  parseColumnMapping,
  WORK_ORDER_COLUMNS,
} from './column-mapping';
export { REJECTION_MESSAGES, type RejectionCode } from './rejection-reasons';
export { WORK_ORDER_SOURCES, SATISFACTION_VALUES, DISPUTE_CATEGORY_PREFIX } from './work-order.parser';
export { GRID_DISPUTE_EVENT_TYPE } from './grid-report.parser';
export { canonicalJson, contentHash } from './content-hash.util';
export {
  DUPLICATE_WEIGHTS,
  evaluateDuplicatePairs,
  findCrossChannelDuplicates,
  scoreDuplicate,
  type CrossChannelDuplicate,
  type MatchFacts,
  type DuplicateConfidence,
  type DuplicateEvaluation,
  type DuplicateMatchOptions,
  type DuplicateReason,
  type DuplicateReasonCode,
  type IntakeRecordRef,
} from './cross-channel-duplicate.matcher';
export { DEFAULT_CAUSE_OF_ACTION_CATEGORIES, placesIn, textSimilarity } from './match-profile';
export type { MatchPerson } from './match-profile';
