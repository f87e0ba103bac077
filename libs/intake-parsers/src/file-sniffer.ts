/**
 * Container and encoding sniffing from the first bytes of a file (never from its name):
 * 'PK\x03\x04' → XLSX; a BOM → UTF-8/UTF-16; bytes that are valid UTF-8 → UTF-8; anything else → GB18030.
 */
import { open } from 'node:fs/promises';
import * as iconv from 'iconv-lite';
import type { FileContainer, TextEncoding } from './intake.types';
import { IntakeFormatError } from './intake-format.error';

export const SNIFF_BYTES = 64 * 1024;

export interface SniffResult {
  container: FileContainer;
  encoding: TextEncoding | null;
  /** CSV only: the most frequent of , \t ; | in the first line (outside quotes), default ','. */
  delimiter: string;
}

const DELIMITERS = [',', '\t', ';', '|'];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Valid UTF-8, tolerating a multi-byte sequence cut off at the end of the sample. */
function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function sniffEncoding(buf: Uint8Array): TextEncoding {
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  return isValidUtf8(buf) ? 'utf-8' : 'gb18030';
}

/** The iconv-lite codec for an encoding (iconv strips a leading BOM when decoding). */
export function iconvCodec(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return 'utf8';
    default:
      return encoding;
  }
}

export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

export function sniffBytes(buf: Uint8Array, forcedEncoding?: TextEncoding): SniffResult {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return { container: 'xlsx', encoding: null, delimiter: ',' };
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new IntakeFormatError('unrecognised-format', '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV');
  }
  const encoding = forcedEncoding ?? sniffEncoding(buf);
  const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), iconvCodec(encoding));
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return { container: 'csv', encoding, delimiter: sniffDelimiter(firstLine) };
}

/** Read the first SNIFF_BYTES of a file and sniff them. */
export async function sniffFile(path: string, forcedEncoding?: TextEncoding): Promise<SniffResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw new IntakeFormatError('unreadable-file', `无法打开文件：${(err as Error).message}`, { path });
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) throw new IntakeFormatError('unrecognised-format', '文件为空', { path });
    return sniffBytes(buf.subarray(0, bytesRead), forcedEncoding);
  } finally {
    await handle.close();
  }
}
