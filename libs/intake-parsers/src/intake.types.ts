/**
 * Record and row types produced by the intake parsers.
 * All instants are JS Dates (converted from Asia/Shanghai wall-clock, UTC+8, no DST);
 * calendar dates without a time are ISO 'YYYY-MM-DD' strings (Shanghai calendar).
 */
import type { RejectionCode } from './rejection-reasons';

export type IntakeFormat = 'work-order' | 'grid-report' | 'court-referral';

/** One cell as read from a file: CSV cells are strings, XLSX cells may be numbers, dates or booleans. */
export type CellValue = string | number | boolean | Date | null;

/** The row's cells as text, keyed by canonical (Chinese) column name. */
export type RawRow = Record<string, string>;

export type WorkOrderSource = '省市网' | '海心安' | '本市级';
export type Satisfaction = '满意' | '基本满意' | '不满意';

/** 12345 hotline work order (工单). */
export interface WorkOrderRecord {
  kind: 'work-order';
  sourceId: string;
  source: WorkOrderSource;
  acceptedAt: Date;
  requestType: string;
  requester: string;
  phone: string | null;
  address: string;
  street: string;
  content: string;
  /** 问题分类 as exported, e.g. '市容环境' or '矛盾纠纷-物业纠纷'. */
  category: string;
  isDispute: boolean;
  /** The part after '矛盾纠纷-', or null when not a dispute. */
  disputeCategory: string | null;
  handlingUnit: string;
  timeLimitWorkingDays: number;
  signedOffAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  status: string;
  /** null when 未回访 (not yet visited) or empty: not rated. */
  satisfaction: Satisfaction | null;
}

/** Grid worker report (网格上报事件). */
export interface GridReportRecord {
  kind: 'grid-report';
  sourceId: string;
  reportedAt: Date;
  gridWorker: string;
  gridWorkerPhone: string | null;
  street: string;
  community: string;
  grid: string;
  eventType: string;
  eventSubtype: string;
  description: string;
  peopleInvolved: number;
  partyName: string | null;
  partyPhone: string | null;
  status: string;
  closedAt: Date | null;
  /** 事件大类 === '矛盾纠纷'. */
  isDispute: boolean;
  /** 事件小类 when a dispute, else null (same vocabulary as WorkOrderRecord.disputeCategory). */
  disputeCategory: string | null;
}

export interface CourtParty {
  name: string;
  phone: string | null;
  /** 18-character mainland ID number (check character upper-cased), null for organisations. */
  idNumber: string | null;
}

/** Court pre-registration referral (诉前委派案件). */
export interface CourtReferralRecord {
  kind: 'court-referral';
  /** 案号, e.g. （2024）苏0612民诉前调1号. */
  sourceId: string;
  /** Shanghai calendar date 'YYYY-MM-DD'. */
  referredOn: string;
  court: string;
  causeOfAction: string;
  /** 标的额 in yuan (2 decimals); null when the cell is empty (e.g. non-monetary claims). */
  claimAmount: number | null;
  plaintiff: CourtParty;
  defendant: CourtParty;
  mediationDays: number;
  judge: string;
  remarks: string;
}

export type IntakeRecord = WorkOrderRecord | GridReportRecord | CourtReferralRecord;

export interface RowIssue {
  /** Canonical (Chinese) column name, null for row-level problems. */
  column: string | null;
  /** The header as written in the file (differs from column under a column mapping). */
  header: string | null;
  reason: RejectionCode;
  /** Readable Chinese message. */
  message: string;
}

export interface AcceptedRow<R extends IntakeRecord = IntakeRecord> {
  ok: true;
  format: IntakeFormat;
  /** Physical line of the CSV record (header = 1), or the XLSX sheet row number. */
  line: number;
  sourceId: string;
  record: R;
  raw: RawRow;
  /** sha256 (hex) of the normalised record as canonical JSON. */
  contentHash: string;
}

export interface RejectedRow {
  ok: false;
  format: IntakeFormat;
  line: number;
  /** Column of the first issue (the reason below). */
  column: string | null;
  header: string | null;
  /** Stable code (the answer key's reason strings). */
  reason: RejectionCode;
  message: string;
  sourceId?: string;
  /** Every problem found in the row; issues[0] is the one reported above. */
  issues: RowIssue[];
  raw: RawRow;
}

export type IntakeRow<R extends IntakeRecord = IntakeRecord> = AcceptedRow<R> | RejectedRow;

export type FileContainer = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Column mapping config: lets another system's export with different headers be read.
 * columns maps our canonical column names (the Chinese headers above) to the export's headers;
 * canonical columns left out are expected under their own name, and a null value means the
 * export has no such column (its cells read as empty).
 */
export interface ColumnMapping {
  format: IntakeFormat;
  columns: Partial<Record<string, string | null>>;
  /** XLSX only: the sheet to read (default: the first sheet whose header row matches). */
  sheet?: string;
  /** CSV only: field delimiter (default ','). */
  delimiter?: string;
}

export interface DetectedFormat {
  format: IntakeFormat;
  container: FileContainer;
  /** Text encoding for CSV, null for XLSX. */
  encoding: TextEncoding | null;
  /** XLSX sheet name, null for CSV. */
  sheet: string | null;
  /** Line (CSV) or sheet row (XLSX) holding the header. */
  headerLine: number;
  headers: string[];
  /** Canonical column name → 0-based cell index. */
  columnIndex: Record<string, number>;
  /** The mapping used, null when the built-in headers matched. */
  mapping: ColumnMapping | null;
  delimiter: string;
}

export interface DetectOptions {
  /** Column mappings to try (before the built-in headers), for exports of other systems. */
  mappings?: ColumnMapping[];
  /** Force the text encoding instead of sniffing it. */
  encoding?: TextEncoding;
  /** How many leading rows may precede the header (title rows); default 5. */
  headerScanRows?: number;
}

export interface ReadOptions extends DetectOptions {
  /** Skip detection (e.g. when detectFormat was already called). */
  detection?: DetectedFormat;
  /** Throw IntakeFormatError if the file is not of this format. */
  expectFormat?: IntakeFormat;
}

/** One row as read from a CSV file or an XLSX sheet, before parsing (internal). */
export interface TableRow {
  /** XLSX sheet name (null for CSV or when the workbook does not name it). */
  sheet: string | null;
  line: number;
  cells: CellValue[];
  /** Set when the CSV record could not be tokenised (bad quoting); cells is then empty. */
  malformed?: boolean;
}
