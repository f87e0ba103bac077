import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@tiaojie/core';

/** Largest export accepted by upload (a full year of grid reports is ~12 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface StoredUpload {
  path: string;
  fileName: string;
  cleanup: () => Promise<void>;
}

/** Streams the one `file` part of a multipart upload to a temporary file (size capped while streaming). */
export async function storeImportUpload(req: FastifyRequest): Promise<StoredUpload> {
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
    throw new DomainError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      '请以 multipart/form-data 上传，文件字段名为 file',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'tj-import-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 0, parts: 1 } });
    if (!part) throw DomainError.validation('缺少文件', { field: 'file' });
    if (part.fieldname !== 'file')
      throw DomainError.validation('文件字段名须为 file', {
        field: part.fieldname,
      });
    const fileName = basename(part.filename || 'upload').slice(0, 200);
    const path = join(dir, 'upload');
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) throw tooLarge();
    return { path, fileName, cleanup };
  } catch (err) {
    await cleanup();
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw DomainError.validation('每次只能上传一个文件');
    }
    throw err;
  }
}

function tooLarge(): DomainError {
  return new DomainError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `导入文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    { maxBytes: MAX_IMPORT_BYTES },
  );
}
