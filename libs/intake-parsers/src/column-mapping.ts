/**
 * Canonical columns of each export format and the column mapping config that lets
 * another system's export (different header names) be read as one of them.
 */
import type { ColumnMapping, IntakeFormat } from './intake.types';
import { IntakeFormatError } from './intake-format.error';

export const WORK_ORDER_COLUMNS = [
  '工单编号',
  '工单来源',
  '受理时间',
  '诉求类型',
  '诉求人',
  '联系电话',
  '事发地址',
  '所属街道',
  '诉求内容',
  '问题分类',
  '承办单位',
  '办理时限(工作日)',
  '签收时间',
  '回复时间',
  '办结时间',
  '办理状态',
  '回访满意度',
] as const;

export const GRID_REPORT_COLUMNS = [
  '事件编号',
  '上报时间',
  '网格员',
  '网格员电话',
  '所属街道',
  '所属社区',
  '所属网格',
  '事件大类',
  '事件小类',
  '事件描述',
  '涉及人数',
  '当事人',
  '当事人电话',
  '处置状态',
  '办结时间',
] as const;

export const COURT_REFERRAL_COLUMNS = [
  '案号',
  '委派日期',
  '委派法院',
  '案由',
  '标的额(元)',
  '原告',
  '原告电话',
  '原告身份证号',
  '被告',
  '被告电话',
  '被告身份证号',
  '调解期限(日)',
  '承办法官',
  '备注',
] as const;

export const CANONICAL_COLUMNS: Record<IntakeFormat, readonly string[]> = {
  'work-order': WORK_ORDER_COLUMNS,
  'grid-report': GRID_REPORT_COLUMNS,
  'court-referral': COURT_REFERRAL_COLUMNS,
};

/** The sheet an XLSX export of the format normally uses. */
export const DEFAULT_SHEETS: Partial<Record<IntakeFormat, string>> = { 'court-referral': '诉前委派案件' };

export const INTAKE_FORMATS = Object.keys(CANONICAL_COLUMNS) as IntakeFormat[];

/** Header comparison key: BOM, whitespace and case ignored, full-width forms folded ('（工作日）' = '(工作日)'). */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The built-in mapping of a format (every canonical column under its own name). */
export function builtInMapping(format: IntakeFormat): ColumnMapping {
  return { format, columns: {} };
}

/** The export header expected for each canonical column under a mapping (null: not in the export). */
export function expectedHeaders(mapping: ColumnMapping): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const column of CANONICAL_COLUMNS[mapping.format]) {
    const mapped = mapping.columns[column];
    out[column] = mapped === undefined ? column : mapped;
  }
  return out;
}

export interface ColumnResolution {
  columnIndex: Record<string, number>;
  missing: string[];
}

/** Locate every canonical column of the mapping in a header row (first occurrence wins). */
export function resolveColumns(headers: readonly string[], mapping: ColumnMapping): ColumnResolution {
  const positions = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const columnIndex: Record<string, number> = {};
  const missing: string[] = [];
  for (const [column, header] of Object.entries(expectedHeaders(mapping))) {
    if (header === null) continue;
    const index = positions.get(normalizeHeader(header));
    if (index === undefined) missing.push(header);
    else columnIndex[column] = index;
  }
  return { columnIndex, missing };
}

/**
 * Validate a column mapping config (e.g. parsed from JSON):
 * `{ "format": "work-order", "columns": { "工单编号": "TicketNo", "回访满意度": null, ... },
 *    "sheet"?: "...", "delimiter"?: "," }`.
 */
export function parseColumnMapping(config: unknown): ColumnMapping {
  const fail = (why: string): never => {
    throw new IntakeFormatError('invalid-mapping', `列映射配置无效：${why}`);
  };
  if (typeof config === 'string') {
    try {
      return parseColumnMapping(JSON.parse(config));
    } catch (err) {
      if (err instanceof IntakeFormatError) throw err;
      fail('不是合法的JSON');
    }
  }
  if (config === null || typeof config !== 'object') return fail('应为对象');
  const { format, columns, sheet, delimiter } = config as Record<string, unknown>;
  if (typeof format !== 'string' || !INTAKE_FORMATS.includes(format as IntakeFormat)) {
    return fail(`文件格式应为 ${INTAKE_FORMATS.join(' / ')}`);
  }
  if (columns === null || typeof columns !== 'object' || Array.isArray(columns))
    return fail('列映射应为对象');
  const canonical = CANONICAL_COLUMNS[format as IntakeFormat];
  const seen = new Map<string, string>();
  const mapped: Record<string, string | null> = {};
  for (const [column, header] of Object.entries(columns as Record<string, unknown>)) {
    if (!canonical.includes(column)) fail(`未知的标准列名「${column}」`);
    if (header === null) {
      mapped[column] = null;
      continue;
    }
    if (typeof header !== 'string' || !normalizeHeader(header))
      fail(`「${column}」的表头应为非空字符串或空值`);
    const key = normalizeHeader(header as string);
    if (seen.has(key)) fail(`「${seen.get(key)}」和「${column}」映射到同一表头「${header as string}」`);
    seen.set(key, column);
    mapped[column] = header as string;
  }
  if (sheet !== undefined && (typeof sheet !== 'string' || !sheet)) fail('工作表名应为非空字符串');
  if (delimiter !== undefined && (typeof delimiter !== 'string' || delimiter.length !== 1)) {
    fail('分隔符应为单个字符');
  }
  return {
    format: format as IntakeFormat,
    columns: mapped,
    ...(sheet !== undefined ? { sheet: sheet as string } : {}),
    ...(delimiter !== undefined ? { delimiter: delimiter as string } : {}),
  };
}
