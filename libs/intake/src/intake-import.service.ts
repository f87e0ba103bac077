import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import {
  detectFormat,
  IntakeFormatError,
  readIntakeFile,
  type AcceptedRow,
  type IntakeFormat,
  type ReadOptions,
  type RejectedRow,
} from '@tiaojie/intake-parsers';
import { estimateDataRows } from './file-size.estimator';
import { IntakeBatchWriter } from './intake-batch.writer';
import { PlaceDirectoryRepository } from './place-directory.repository';
import { ImportRunRepository } from './import-run.repository';
import { NamedPlaceDirectory } from './place-directory';

export const DEFAULT_BATCH_SIZE = 500;

export interface RejectedSummary {
  line: number;
  column: string | null;
  reason: string;
}

export interface ImportProgress {
  runId: string;
  file: string;
  format: IntakeFormat | null;
  status: 'running' | 'completed' | 'failed';
  rows: number;
  /** Estimated data rows of the file (CSV line count), null when unknown (XLSX). */
  total: number | null;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportSummary {
  runId: string;
  file: string;
  format: IntakeFormat;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedSummary[];
  disputesCreated: number;
  linked: number;
  queuedForReview: number;
  durationMs: number;
}

export interface ImportOptions {
  actor: Actor;
  origin: 'cli' | 'upload';
  /** Name recorded for the run (default: the path). */
  fileName?: string;
  batchSize?: number;
  read?: Pick<ReadOptions, 'mappings' | 'encoding'>;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Streams an export file into the database: rows in batches of 500, each batch in one transaction
 * (records, aggregates, disputes, links, rejections, the run's counters, audit). Constant memory
 * apart from the rejected rows' summaries. A file-level problem fails the run with a stable code.
 */
@Injectable()
export class IntakeImportService {
  constructor(
    private readonly db: DbService,
    private readonly writer: IntakeBatchWriter,
    private readonly runs: ImportRunRepository,
    private readonly places: PlaceDirectoryRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async importFile(path: string, opts: ImportOptions): Promise<ImportSummary> {
    const started = Date.now();
    const file = opts.fileName ?? path;
    const run = await this.runs.create(this.db.db, {
      file,
      origin: opts.origin,
      actorId: opts.actor.id,
      startedAt: this.clock.now(),
    });
    const progress: ImportProgress = {
      runId: run.id,
      file,
      format: null,
      status: 'running',
      rows: 0,
      total: null,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    };
    const summary: ImportSummary = {
      runId: run.id,
      file,
      format: 'work-order',
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: [],
      disputesCreated: 0,
      linked: 0,
      queuedForReview: 0,
      durationMs: 0,
    };
    try {
      const detection = await detectFormat(path, opts.read);
      summary.format = progress.format = detection.format;
      progress.total = await estimateDataRows(path, detection);
      await this.runs.update(this.db.db, run.id, { format: detection.format });
      opts.onProgress?.({ ...progress });
      const places = new NamedPlaceDirectory(
        await this.places.streets(this.db.db),
        await this.places.communities(this.db.db),
      );
      const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
      let accepted: AcceptedRow[] = [];
      let rejected: RejectedRow[] = [];
      const flush = async () => {
        const [a, r] = [accepted, rejected];
        accepted = [];
        rejected = [];
        await this.db.transaction(async (tx) => {
          const out = await this.writer.write(tx, a, { actor: opts.actor, runId: run.id, places });
          await this.runs.insertRejections(
            tx,
            r.map((x) => ({
              runId: run.id,
              line: x.line,
              column: x.column,
              reason: x.reason,
              message: x.message,
              sourceId: x.sourceId ?? null,
              issues: x.issues.map((i) => ({ column: i.column, reason: i.reason, message: i.message })),
            })),
          );
          summary.created += out.created;
          summary.updated += out.updated;
          summary.unchanged += out.unchanged;
          summary.disputesCreated += out.disputesCreated;
          summary.linked += out.linked;
          summary.queuedForReview += out.queuedForReview;
          await this.runs.update(tx, run.id, this.counters(summary));
        });
        Object.assign(progress, {
          rows: summary.rows,
          created: summary.created,
          updated: summary.updated,
          unchanged: summary.unchanged,
          rejected: summary.rejected.length,
        });
        opts.onProgress?.({ ...progress });
      };
      for await (const row of readIntakeFile(path, { ...opts.read, detection })) {
        summary.rows++;
        if (row.ok) accepted.push(row);
        else {
          rejected.push(row);
          summary.rejected.push({ line: row.line, column: row.column, reason: row.reason });
        }
        if (accepted.length + rejected.length >= size) await flush();
      }
      if (accepted.length + rejected.length > 0 || summary.rows === 0) await flush();
      summary.durationMs = Date.now() - started;
      await this.db.transaction(async (tx) => {
        await this.runs.update(tx, run.id, {
          ...this.counters(summary),
          status: 'completed',
          finishedAt: this.clock.now(),
        });
        await this.audit.record(tx, opts.actor, {
          action: 'intake.import',
          entityType: 'import_run',
          entityId: run.id,
          data: { file, format: summary.format, ...this.counters(summary) },
        });
      });
      opts.onProgress?.({ ...progress, status: 'completed' });
      return summary;
    } catch (err) {
      const code = err instanceof IntakeFormatError ? err.code : 'import-failed';
      await this.runs.update(this.db.db, run.id, {
        ...this.counters(summary),
        status: 'failed',
        errorCode: code,
        errorMessage: (err as Error).message,
        finishedAt: this.clock.now(),
      });
      opts.onProgress?.({ ...progress, status: 'failed' });
      if (err instanceof IntakeFormatError) {
        throw DomainError.validation(`无法识别的导入文件：${err.message}`, {
          code: err.code,
          runId: run.id,
          ...err.details,
        });
      }
      throw err;
    }
  }

  private counters(s: ImportSummary) {
    return {
      rows: s.rows,
      created: s.created,
      updated: s.updated,
      unchanged: s.unchanged,
      rejected: s.rejected.length,
      disputesCreated: s.disputesCreated,
      linked: s.linked,
      queuedForReview: s.queuedForReview,
    };
  }
}
