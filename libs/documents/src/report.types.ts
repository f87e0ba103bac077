/** A table cell: text, a number (kept numeric in XLSX) or null for an empty cell. */
export type ReportCell = string | number | null;

export interface ReportTable {
  title: string;
  columns: string[];
  rows: ReportCell[][];
}

export interface ReportPdfInput {
  title: string;
  subtitle?: string;
  /** Body text before the tables; each entry is one paragraph. */
  paragraphs: string[];
  tables: ReportTable[];
  /** Headed parts after the tables (a case file's sessions, its agreement), each with its own text and tables. */
  sections?: ReportSection[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  tables: ReportTable[];
}

export interface ReportSheet {
  /** Excel sheet name: 1–31 characters, none of []:*?/\ , unique (case-insensitive). */
  name: string;
  columns: string[];
  rows: ReportCell[][];
}

export interface ReportXlsxInput {
  sheets: ReportSheet[];
}

export interface ReportRenderOptions {
  /** A TrueType/OpenType font (single face) to use instead of the committed CJK subset. */
  font?: Buffer;
}
