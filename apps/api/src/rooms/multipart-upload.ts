import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { DomainError, ErrorCode } from '@tiaojie/core';
import { MAX_ATTACHMENT_BYTES, UploadInput } from '@tiaojie/rooms';

/**
 * Reads a room attachment upload: multipart/form-data with one `file` part and a `clientMsgId` field.
 * Transport only: size is capped while streaming; the type is decided by the domain from the bytes.
 */
export async function readUpload(req: FastifyRequest): Promise<UploadInput> {
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
    throw new DomainError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      '请以 multipart/form-data 上传，文件字段名为 file',
    );
  }
  let clientMsgId: string | undefined;
  let file: { fileName: string; data: Buffer } | undefined;
  try {
    const parts = req.parts({
      limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 4, fieldSize: 256, parts: 5 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file')
          throw DomainError.validation('文件字段名须为 file', {
            field: part.fieldname,
          });
        file = { fileName: part.filename, data: await part.toBuffer() };
      } else if (part.fieldname === 'clientMsgId') {
        clientMsgId = String(part.value);
      } else {
        throw DomainError.validation(`未知字段 ${part.fieldname}`, { field: part.fieldname });
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
        { maxBytes: MAX_ATTACHMENT_BYTES },
      );
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw DomainError.validation('每次只能上传一个文件');
    }
    throw err;
  }
  if (!file) throw DomainError.validation('缺少文件', { field: 'file' });
  if (clientMsgId === undefined) throw DomainError.validation('缺少 clientMsgId', { field: 'clientMsgId' });
  return { clientMsgId, fileName: file.fileName, data: file.data };
}
