import { DocumentInputError } from './documents.errors';
import { assertFontCovers } from './font.coverage';
import { loadCjkFont } from './font.loader';
import { createPdf, stampFooters } from './pdf.document';
import { formatCellText, validateGrid } from './report.model';
import { drawReportTable } from './report-table.drawer';
import type { ReportPdfInput, ReportRenderOptions } from './report.types';

function validateReport(input: ReportPdfInput, font: Buffer): void {
  if (!input || typeof input.title !== 'string' || input.title.trim() === '') {
    throw new DocumentInputError('must not be blank', 'title');
  }
  if (input.subtitle !== undefined && typeof input.subtitle !== 'string')
    throw new DocumentInputError('must be a string', 'subtitle');
  if (!Array.isArray(input.paragraphs)) throw new DocumentInputError('must be an array', 'paragraphs');
  input.paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') throw new DocumentInputError('must be a string', `paragraphs[${i}]`);
  });
  if (!Array.isArray(input.tables)) throw new DocumentInputError('must be an array', 'tables');
  input.tables.forEach((t, i) => {
    if (!t || typeof t.title !== 'string')
      throw new DocumentInputError('must be a string', `tables[${i}].title`);
    validateGrid(t.columns, t.rows, `tables[${i}]`);
  });

  assertFontCovers(`${input.title}\n${input.subtitle ?? ''}`, 'title', font);
  input.paragraphs.forEach((p, i) => assertFontCovers(p, `paragraphs[${i}]`, font));
  input.tables.forEach((t, i) => {
    const text = [t.title, ...t.columns, ...t.rows.flatMap((r) => r.map(formatCellText))].join('\n');
    assertFontCovers(text, `tables[${i}]`, font);
  });
}

/**
 * Renders a report (e.g. the annual statistics report) as an A4 PDF: title, optional subtitle,
 * paragraphs, then each table with its header repeated on every page it spans, and page numbers.
 */
export async function renderReportPdf(
  input: ReportPdfInput,
  options: ReportRenderOptions = {},
): Promise<Buffer> {
  const font = options.font ?? loadCjkFont();
  validateReport(input, font);
  const { doc, finish } = createPdf({ title: input.title, subject: input.subtitle, font });

  doc.fontSize(20).text(input.title.trim(), { align: 'center' });
  if (input.subtitle?.trim()) {
    doc.moveDown(0.3);
    doc.fontSize(12).fillColor('#444444').text(input.subtitle.trim(), { align: 'center' }).fillColor('black');
  }
  doc.moveDown(1);
  for (const paragraph of input.paragraphs) {
    const text = paragraph.trim();
    if (text === '') continue;
    doc.fontSize(12).text(text, { indent: 24, lineGap: 6, align: 'justify', paragraphGap: 4 });
  }
  for (const table of input.tables) drawReportTable(doc, table);

  stampFooters(doc, (page, pages) => ({ center: `第 ${page} 页 共 ${pages} 页` }));
  return finish();
}
