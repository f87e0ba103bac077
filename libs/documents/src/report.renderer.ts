import { DocumentInputError } from './documents.errors';
import { assertFontCovers } from './font.coverage';
import { loadCjkFont } from './font.loader';
import { contentWidth, createPdf, ensureSpace, stampFooters } from './pdf.document';
import { formatCellText, validateGrid } from './report.model';
import { drawReportTable } from './report-table.drawer';
import type { ReportPdfInput, ReportRenderOptions, ReportSection } from './report.types';

/** Paragraphs and tables of the report or of one section; `at` prefixes the field names of errors. */
function validateBody(body: Pick<ReportSection, 'paragraphs' | 'tables'>, font: Buffer, at: string): void {
  if (!Array.isArray(body.paragraphs)) throw new DocumentInputError('must be an array', `${at}paragraphs`);
  body.paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') throw new DocumentInputError('must be a string', `${at}paragraphs[${i}]`);
  });
  if (!Array.isArray(body.tables)) throw new DocumentInputError('must be an array', `${at}tables`);
  body.tables.forEach((t, i) => {
    if (!t || typeof t.title !== 'string')
      throw new DocumentInputError('must be a string', `${at}tables[${i}].title`);
    validateGrid(t.columns, t.rows, `${at}tables[${i}]`);
  });
  body.paragraphs.forEach((p, i) => assertFontCovers(p, `${at}paragraphs[${i}]`, font));
  body.tables.forEach((t, i) => {
    const text = [t.title, ...t.columns, ...t.rows.flatMap((r) => r.map(formatCellText))].join('\n');
    assertFontCovers(text, `${at}tables[${i}]`, font);
  });
}

function validateReport(input: ReportPdfInput, font: Buffer): void {
  if (!input || typeof input.title !== 'string' || input.title.trim() === '') {
    throw new DocumentInputError('must not be blank', 'title');
  }
  if (input.subtitle !== undefined && typeof input.subtitle !== 'string')
    throw new DocumentInputError('must be a string', 'subtitle');
  assertFontCovers(`${input.title}\n${input.subtitle ?? ''}`, 'title', font);
  validateBody(input, font, '');
  if (input.sections !== undefined && !Array.isArray(input.sections))
    throw new DocumentInputError('must be an array', 'sections');
  (input.sections ?? []).forEach((s, i) => {
    if (!s || typeof s.heading !== 'string' || s.heading.trim() === '')
      throw new DocumentInputError('must not be blank', `sections[${i}].heading`);
    assertFontCovers(s.heading, `sections[${i}].heading`, font);
    validateBody(s, font, `sections[${i}].`);
  });
}

function drawParagraphs(doc: PDFKit.PDFDocument, paragraphs: string[]): void {
  for (const paragraph of paragraphs) {
    const text = paragraph.trim();
    if (text === '') continue;
    doc.fontSize(12).text(text, { indent: 24, lineGap: 6, align: 'justify', paragraphGap: 4 });
  }
}

/**
 * Renders a report (e.g. the annual statistics report) as an A4 PDF: title, optional subtitle,
 * paragraphs, then each table with its header repeated on every page it spans, then any headed sections
 * (paragraphs and tables each), and page numbers.
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
  drawParagraphs(doc, input.paragraphs);
  for (const table of input.tables) drawReportTable(doc, table);
  for (const section of input.sections ?? []) {
    doc.moveDown(1.5);
    ensureSpace(doc, 80);
    const x = doc.page.margins.left;
    doc.fontSize(15).text(section.heading.trim(), x, doc.y, { width: contentWidth(doc) });
    doc.moveDown(0.5);
    drawParagraphs(doc, section.paragraphs);
    for (const table of section.tables) drawReportTable(doc, table);
  }

  stampFooters(doc, (page, pages) => ({ center: `第 ${page} 页 共 ${pages} 页` }));
  return finish();
}
