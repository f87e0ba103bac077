import { StreamableFile } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { Readable } from 'node:stream';

/**
 * A download: its type, length and a Content-Disposition naming the file (UTF-8 for the Chinese name, with an
 * ASCII `fallback` for clients that read only the plain filename).
 */
export function fileResponse(
  body: Buffer | Readable,
  file: { type: string; fileName: string; length?: number; fallback?: string },
): StreamableFile {
  const length = file.length ?? (Buffer.isBuffer(body) ? body.length : undefined);
  const options = {
    type: file.type,
    ...(length !== undefined ? { length } : {}),
    disposition: contentDisposition(
      file.fileName,
      file.fallback !== undefined ? { fallback: file.fallback } : undefined,
    ),
  };
  return Buffer.isBuffer(body) ? new StreamableFile(body, options) : new StreamableFile(body, options);
}
