import { formatCellText } from './report.model';
import type { ReportTable } from './report.types';
import { contentWidth, ensureSpace } from './pdf.document';

const SIZE = 9.5;
const PAD = 4;
const LINE_GAP = 1.5;
const HEADER_FILL = '#e8e8e8';

interface Layout {
  widths: number[];
  numeric: boolean[];
}

/**
 * Auto layout: each column wants its single-line width. When they do not all fit, numbers never
 * wrap, short text (up to 6 CJK characters) never wraps, and the remaining width goes to the
 * longer text columns in proportion to how much more they want.
 */
function columnWidths(
  doc: PDFKit.PDFDocument,
  header: string[],
  rows: string[][],
  numeric: boolean[],
  total: number,
): number[] {
  doc.fontSize(SIZE);
  const floor = doc.widthOfString('国'.repeat(6)) + 2 * PAD;
  const headerW = header.map((h) => doc.widthOfString(h) + 2 * PAD);
  const cellW = header.map((_, c) => Math.max(0, ...rows.map((row) => doc.widthOfString(row[c]))) + 2 * PAD);
  const natural = header.map((_, c) => Math.max(headerW[c], cellW[c]));
  const minimum = header.map((_, c) =>
    numeric[c] ? Math.max(cellW[c], Math.min(headerW[c], floor)) : Math.min(natural[c], floor),
  );
  const naturalSum = natural.reduce((a, b) => a + b, 0);
  if (naturalSum <= total) return natural.map((w) => (w * total) / naturalSum);
  const minSum = minimum.reduce((a, b) => a + b, 0);
  if (minSum >= total) return minimum.map((w) => (w * total) / minSum);
  const extra = total - minSum;
  const wanted = naturalSum - minSum;
  return natural.map((w, c) => minimum[c] + ((w - minimum[c]) * extra) / wanted);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], layout: Layout): number {
  doc.fontSize(SIZE);
  let h = doc.currentLineHeight(true);
  cells.forEach((text, c) => {
    if (text !== '')
      h = Math.max(h, doc.heightOfString(text, { width: layout.widths[c] - 2 * PAD, lineGap: LINE_GAP }));
  });
  return h + 2 * PAD;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  layout: Layout,
  header: boolean,
  maxHeight: number,
): void {
  const needed = rowHeight(doc, cells, layout);
  const h = Math.min(needed, maxHeight);
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.fontSize(SIZE).lineWidth(0.5);
  cells.forEach((text, c) => {
    const w = layout.widths[c];
    if (header) doc.rect(x, y, w, h).fillAndStroke(HEADER_FILL, '#555555');
    else doc.rect(x, y, w, h).stroke('#555555');
    doc.fillColor('black');
    const align = header ? 'center' : layout.numeric[c] ? 'right' : 'left';
    doc.text(text, x + PAD, y + PAD, {
      width: w - 2 * PAD,
      height: h - 2 * PAD,
      align,
      lineGap: LINE_GAP,
      ellipsis: needed > h ? '…' : undefined,
    });
    x += w;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + h;
}

/**
 * Draws a titled, bordered table at the cursor. Long tables continue on new pages with the header
 * row repeated; a row taller than a page is cut with an ellipsis. Numeric columns are right-aligned.
 */
export function drawReportTable(doc: PDFKit.PDFDocument, table: ReportTable): void {
  const width = contentWidth(doc);
  const cells = table.rows.map((row) => row.map(formatCellText));
  const numeric = table.columns.map(
    (_, c) => table.rows.length > 0 && table.rows.every((r) => typeof r[c] === 'number' || r[c] === null),
  );
  const layout: Layout = { widths: columnWidths(doc, table.columns, cells, numeric, width), numeric };
  const headerH = rowHeight(doc, table.columns, layout);
  const maxRow = doc.page.maxY() - doc.page.margins.top - headerH;

  doc.moveDown(1);
  doc.fontSize(12);
  const titleH = doc.heightOfString(table.title, { width }) + 4;
  const firstH = cells.length > 0 ? Math.min(rowHeight(doc, cells[0], layout), maxRow) : headerH;
  ensureSpace(doc, titleH + headerH + firstH);
  doc
    .fontSize(12)
    .lineWidth(0.3)
    .text(table.title, doc.page.margins.left, doc.y, { width, stroke: true, fill: true });
  doc.moveDown(0.3);
  drawRow(doc, table.columns, layout, true, maxRow);

  if (cells.length === 0) {
    drawRow(doc, ['（无数据）'], { widths: [width], numeric: [false] }, false, maxRow);
    return;
  }
  for (const row of cells) {
    const h = Math.min(rowHeight(doc, row, layout), maxRow);
    if (doc.y + h > doc.page.maxY()) {
      doc.addPage();
      drawRow(doc, table.columns, layout, true, maxRow);
    }
    drawRow(doc, row, layout, false, maxRow);
  }
}
