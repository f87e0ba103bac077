import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Hash, createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_CONFIG, AppConfig, DomainError, ErrorCode, UserActor } from '@tiaojie/core';
import { CallJournal } from './call-journal';

export const MAX_CHUNK_BYTES = 1024 * 1024;
/** After the recording stops, the mediator's page has this long to send its last chunk before the file is closed. */
const TAIL_MS = 15_000;
const WEBM_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

interface Recording {
  sessionId: string;
  disputeId: string;
  recordingId: string;
  startedAt: Date;
  nextSeq: number;
  bytes: number;
  hash: Hash;
  uploader: UserActor | null;
  queue: Promise<unknown>;
  tail: NodeJS.Timeout | null;
  file: { id: string; sha256: string; size: number } | null;
}

export interface ChunkInput {
  recordingId: unknown;
  seq: unknown;
  data: unknown;
  last?: unknown;
}

/**
 * Assembles the mediator's MediaRecorder chunks, in seq order, into one WebM file per recording under
 * DATA_DIR/recordings/<sessionId>/; a finished file's SHA-256 goes to the session's call events and the audit chain.
 */
@Injectable()
export class CallRecordingService implements OnModuleDestroy {
  private readonly logger = new Logger('CallRecording');
  private readonly recordings = new Map<string, Recording>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly journal: CallJournal,
  ) {}

  root(): string {
    return path.join(this.config.dataDir, 'recordings');
  }

  fileOf(storageKey: string): string {
    const [sessionId, name] = storageKey.split('/');
    return path.join(this.root(), path.basename(sessionId), path.basename(name));
  }

  start(sessionId: string, disputeId: string, recordingId: string, at: Date): void {
    this.recordings.set(recordingId, {
      sessionId,
      disputeId,
      recordingId,
      startedAt: at,
      nextSeq: 0,
      bytes: 0,
      hash: createHash('sha256'),
      uploader: null,
      queue: Promise.resolve(),
      tail: null,
      file: null,
    });
  }

  /** Consent ended: the page sends its last chunk (`last`), or the file is closed after a short wait. */
  async stop(recordingId: string): Promise<void> {
    const rec = this.recordings.get(recordingId);
    if (!rec || rec.tail || rec.file) return;
    rec.tail = setTimeout(
      () => void this.finish(rec).catch((e: Error) => this.logger.warn(e.message)),
      TAIL_MS,
    );
    rec.tail.unref();
  }

  /** The recording mediator left: close every recording of the session with what arrived. */
  async mediatorLeft(sessionId: string): Promise<void> {
    for (const rec of [...this.recordings.values()].filter((r) => r.sessionId === sessionId && !r.file))
      await this.finish(rec).catch((e: Error) => this.logger.warn(`recording not closed: ${e.message}`));
  }

  append(actor: UserActor, sessionId: string, input: ChunkInput) {
    const rec = typeof input.recordingId === 'string' ? this.recordings.get(input.recordingId) : undefined;
    if (!rec || rec.sessionId !== sessionId)
      throw DomainError.notFound('recording', String(input.recordingId));
    const seq = input.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
      throw DomainError.validation('分段序号须为非负整数', { field: 'seq' });
    const data = toBuffer(input.data);
    if (data.length > MAX_CHUNK_BYTES)
      throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, '录像分段不能超过 1 MB', { limit: MAX_CHUNK_BYTES });
    const work = async () => {
      if (seq < rec.nextSeq)
        return { seq, bytes: rec.bytes, duplicate: true, ...(rec.file ? { file: rec.file } : {}) };
      if (rec.file) throw new DomainError(ErrorCode.CONFLICT, '该录像已结束', { status: 'finished' });
      if (seq > rec.nextSeq)
        throw new DomainError(ErrorCode.CONFLICT, '录像分段须按顺序上传', { expectedSeq: rec.nextSeq });
      if (seq === 0 && !data.subarray(0, 4).equals(WEBM_MAGIC))
        throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, '录像文件格式不正确，须为浏览器录制的视频');
      const target = this.fileOf(`${rec.sessionId}/${rec.recordingId}.webm.part`);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.appendFile(target, data);
      rec.hash.update(data);
      rec.bytes += data.length;
      rec.nextSeq = seq + 1;
      rec.uploader = actor;
      if (input.last === true) await this.close(rec);
      return { seq, bytes: rec.bytes, duplicate: false, ...(rec.file ? { file: rec.file } : {}) };
    };
    const result = rec.queue.then(work);
    rec.queue = result.catch(() => undefined);
    return result;
  }

  onModuleDestroy(): void {
    for (const rec of this.recordings.values()) if (rec.tail) clearTimeout(rec.tail);
  }

  private finish(rec: Recording): Promise<unknown> {
    const done = rec.queue.then(() => this.close(rec));
    rec.queue = done.catch(() => undefined);
    return done;
  }

  /** Renames the part file, records its hash; a recording that never got a chunk leaves nothing. */
  private async close(rec: Recording): Promise<void> {
    if (rec.file) return;
    if (rec.tail) clearTimeout(rec.tail);
    if (!rec.uploader || rec.bytes === 0) {
      this.recordings.delete(rec.recordingId);
      return;
    }
    const key = `${rec.sessionId}/${rec.recordingId}.webm`;
    await fs.promises.rename(this.fileOf(`${key}.part`), this.fileOf(key));
    const sha256 = rec.hash.digest('hex');
    await this.journal.write(rec.uploader, {
      sessionId: rec.sessionId,
      disputeId: rec.disputeId,
      kind: 'recording',
      data: {
        recordingId: rec.recordingId,
        sha256,
        size: rec.bytes,
        mime: 'video/webm',
        storageKey: key,
        startedAt: rec.startedAt.toISOString(),
        endedAt: new Date().toISOString(),
      },
    });
    rec.file = { id: rec.recordingId, sha256, size: rec.bytes };
  }
}

function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof ArrayBuffer) return Buffer.from(v);
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  throw DomainError.validation('录像分段须为二进制数据', { field: 'data' });
}
