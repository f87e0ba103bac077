import { createReadStream } from 'node:fs';
import type { DetectedFormat } from '@tiaojie/intake-parsers';

/**
 * Data rows of a CSV export, estimated by counting line feeds after the header (a quoted field
 * holding a line break counts twice; good enough for a progress bar). null for XLSX.
 */
export async function estimateDataRows(path: string, detection: DetectedFormat): Promise<number | null> {
  if (detection.container !== 'csv') return null;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  if (last !== 0x0a) lines++;
  return Math.max(0, lines - detection.headerLine);
}
