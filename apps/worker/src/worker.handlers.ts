import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import {
  DeadlineDigestService,
  DIGEST_BODY_JOB,
  DIGEST_TICK_JOB,
  DigestBodyJob,
  DigestTickJob,
  CaseDeadlineService,
  DEADLINE_OVERDUE_JOB,
  DEADLINE_REMIND_JOB,
  OverdueJob,
  ReminderJob,
} from '@tiaojie/deadlines';
import { CaseNoticePolicy, PERFORMANCE_REMIND_JOB, PerformanceReminderJob } from '@tiaojie/cases';
import { STRANDED_SWEEP_MS, WEBHOOK_PROCESS_JOB, WebhookProcessorService } from '@tiaojie/intake';
import { JobQueue, WorkOptions } from '@tiaojie/jobs';
import { OUTBOX_DELIVER_JOB, OutboxService } from '@tiaojie/notifications';

/** Polling and batching per queue; tests and the timer benchmark tune it. */
export const WORKER_TUNING = Symbol('WORKER_TUNING');
export type WorkerTuning = WorkOptions;
export const TIMER_QUEUE_WORK: WorkOptions = { batchSize: 50, concurrency: 4 };

/** Binds queues to domain handlers; the handlers themselves live in the libs and are idempotent. */
@Injectable()
export class WorkerHandlers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private sweep: NodeJS.Timeout | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly deadlines: CaseDeadlineService,
    private readonly notices: CaseNoticePolicy,
    private readonly digest: DeadlineDigestService,
    private readonly outbox: OutboxService,
    private readonly webhooks: WebhookProcessorService,
    @Optional() @Inject(WORKER_TUNING) private readonly tuning: WorkerTuning = {},
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const t = this.tuning;
    // Timers come in bursts (10,000 due in one minute = ~170/s, bench/timers): several loops per timer queue.
    const timers = { ...TIMER_QUEUE_WORK, ...t };
    await this.queue.work<ReminderJob>(
      DEADLINE_REMIND_JOB,
      async (job) => {
        await this.deadlines.handleReminder(job.data);
      },
      timers,
    );
    await this.queue.work<OverdueJob>(
      DEADLINE_OVERDUE_JOB,
      async (job) => {
        await this.deadlines.handleOverdue(job.data);
      },
      timers,
    );
    await this.queue.work<PerformanceReminderJob>(
      PERFORMANCE_REMIND_JOB,
      async (job) => {
        await this.notices.handlePerformanceReminder(job.data);
      },
      timers,
    );
    await this.queue.work<DigestTickJob>(
      DIGEST_TICK_JOB,
      async (job) => {
        await this.digest.handleTick(job.data);
      },
      t,
    );
    await this.queue.work<DigestBodyJob>(
      DIGEST_BODY_JOB,
      async (job) => {
        await this.digest.handleBody(job.data);
      },
      t,
    );
    // SMS sends wait on a provider (up to its timeout): small batches sent side by side, so a poll lasts one timeout.
    await this.queue.work<{ outboxId: string }>(
      OUTBOX_DELIVER_JOB,
      async (job) => {
        await this.outbox.deliver(job.data.outboxId);
      },
      { batchSize: 10, concurrency: 2, parallel: true, ...t },
    );
    // Deliveries in batches: one transaction and one write for all a poll fetched (a bad one is retried alone).
    await this.queue.workBatch<{ deliveryId: string }>(
      WEBHOOK_PROCESS_JOB,
      async (jobs) => {
        const failed = await this.webhooks.processMany(jobs.map((j) => j.data.deliveryId));
        return new Map(
          jobs.flatMap((j) =>
            failed.has(j.data.deliveryId) ? [[j.id, failed.get(j.data.deliveryId)!] as const] : [],
          ),
        );
      },
      t,
    );
    // A delivery stored by an api that stopped before queueing its job is queued here (idempotent).
    this.sweep = setInterval(() => {
      this.webhooks
        .enqueueStranded(this.queue)
        .then((n) => {
          if (n > 0) this.logger.log(`queued ${n} webhook deliveries that had no job`);
        })
        .catch((err: Error) => this.logger.warn(`webhook sweep failed: ${err.message}`));
    }, STRANDED_SWEEP_MS);
    this.sweep.unref();
    await this.digest.ensureScheduled();
    this.logger.log(
      `worker listening on ${[DEADLINE_REMIND_JOB, DEADLINE_OVERDUE_JOB, PERFORMANCE_REMIND_JOB, DIGEST_TICK_JOB, DIGEST_BODY_JOB, OUTBOX_DELIVER_JOB, WEBHOOK_PROCESS_JOB].join(', ')}`,
    );
  }

  onApplicationShutdown(): void {
    if (this.sweep) clearInterval(this.sweep);
  }
}
