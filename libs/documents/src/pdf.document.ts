import PDFDocument from 'pdfkit';
import { loadCjkFont } from './font.loader';

export const FONT_ALIAS = 'cjk';

export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
  font?: Buffer;
}

export interface PdfHandle {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document with buffered pages (for footers) and the CJK font selected. */
export function createPdf(meta: PdfMeta): PdfHandle {
  // pdfkit derives the file ID from every info value, so undefined entries must be left out
  const info: PDFKit.DocumentInfo = { Title: meta.title, Creator: 'Tiaojie' };
  if (meta.subject) info.Subject = meta.subject;
  if (meta.author) info.Author = meta.author;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
    bufferPages: true,
    info,
    displayTitle: true,
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT_ALIAS, meta.font ?? loadCjkFont());
  doc.font(FONT_ALIAS);
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

export interface FooterParts {
  left?: string;
  right?: string;
  center?: string;
}

/** Writes a one-line footer into the bottom margin of every buffered page. */
export function stampFooters(
  doc: PDFKit.PDFDocument,
  footer: (page: number, pages: number) => FooterParts,
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // writing inside the margin must not start a new page
    const width = doc.page.width - margins.left - margins.right;
    const y = doc.page.height - bottom + 20;
    const parts = footer(i - range.start + 1, range.count);
    doc.font(FONT_ALIAS).fontSize(8).fillColor('#444444');
    const opts = { width, lineBreak: false } as const;
    if (parts.left) doc.text(parts.left, margins.left, y, { ...opts, align: 'left' });
    if (parts.center) doc.text(parts.center, margins.left, y, { ...opts, align: 'center' });
    if (parts.right) doc.text(parts.right, margins.left, y, { ...opts, align: 'right' });
    margins.bottom = bottom;
  }
  doc.fillColor('black');
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.maxY()) doc.addPage();
}

/** Width available between the left and right margins. */
export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}
