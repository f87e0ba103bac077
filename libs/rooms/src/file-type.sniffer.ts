/** An accepted evidence type, found from the file's bytes (magic numbers), never from the client's claim. */
export interface SniffedType {
  mime: string;
  ext: string;
  label: string;
}

const JPEG: SniffedType = { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG 图片' };
const PNG: SniffedType = { mime: 'image/png', ext: 'png', label: 'PNG 图片' };
const GIF: SniffedType = { mime: 'image/gif', ext: 'gif', label: 'GIF 图片' };
const WEBP: SniffedType = { mime: 'image/webp', ext: 'webp', label: 'WebP 图片' };
const PDF: SniffedType = { mime: 'application/pdf', ext: 'pdf', label: 'PDF 文档' };
const DOCX: SniffedType = {
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ext: 'docx',
  label: 'Word 文档',
};
const XLSX: SniffedType = {
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ext: 'xlsx',
  label: 'Excel 表格',
};
const PPTX: SniffedType = {
  mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ext: 'pptx',
  label: 'PowerPoint 演示文稿',
};
const DOC: SniffedType = { mime: 'application/msword', ext: 'doc', label: 'Word 97-2003 文档' };
const XLS: SniffedType = { mime: 'application/vnd.ms-excel', ext: 'xls', label: 'Excel 97-2003 表格' };
const PPT: SniffedType = {
  mime: 'application/vnd.ms-powerpoint',
  ext: 'ppt',
  label: 'PowerPoint 97-2003 演示文稿',
};

export const ACCEPTED_TYPES: readonly SniffedType[] = [
  JPEG,
  PNG,
  GIF,
  WEBP,
  PDF,
  DOCX,
  XLSX,
  PPTX,
  DOC,
  XLS,
  PPT,
];

const startsWith = (buf: Buffer, bytes: number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Names in a ZIP's central directory (found from the end-of-central-directory record); null if it is not a well-formed ZIP. */
export function zipEntryNames(buf: Buffer): string[] | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  const lowest = Math.max(0, buf.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = buf.length - minEocd; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function sniffOoxml(buf: Buffer): SniffedType | null {
  const names = zipEntryNames(buf);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/'))) return DOCX;
  if (names.some((n) => n.startsWith('xl/'))) return XLSX;
  if (names.some((n) => n.startsWith('ppt/'))) return PPTX;
  return null;
}

/** Legacy Office (OLE2 compound file): told apart by the name of its main stream in the directory (UTF-16LE). */
function sniffOle(buf: Buffer): SniffedType | null {
  const has = (name: string) => buf.includes(Buffer.from(name, 'utf16le'));
  if (has('WordDocument')) return DOC;
  if (has('Workbook') || has('Book')) return XLS;
  if (has('PowerPoint Document')) return PPT;
  return null;
}

/** The accepted type of these bytes, or null (unknown, plain ZIP, executable, HTML, text, …). */
export function sniffFileType(buf: Buffer): SniffedType | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return GIF;
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return WEBP;
  if (startsWith(buf, ascii('%PDF-'))) return PDF;
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return sniffOoxml(buf);
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle(buf);
  return null;
}
