import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CaseDeadlineService, DEADLINE_OVERDUE_JOB, DEADLINE_REMIND_JOB, OverdueJob, ReminderJob } from '@tiaojie/cases';
import { JobQueue } from '@tiaojie/jobs';
import { OUTBOX_DELIVER_JOB, OutboxService } from '@tiaojie/notifications';

/** Binds queues to domain handlers; the handlers themselves live in the libs and are idempotent. */
@Injectable()
export class WorkerHandlers implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');

  constructor(private readonly queue: JobQueue, private readonly deadlines: CaseDeadlineService, private readonly outbox: OutboxService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.work<ReminderJob>(DEADLINE_REMIND_JOB, async (job) => { await this.deadlines.handleReminder(job.data); });
    await this.queue.work<OverdueJob>(DEADLINE_OVERDUE_JOB, async (job) => { await this.deadlines.handleOverdue(job.data); });
    await this.queue.work<{ outboxId: string }>(OUTBOX_DELIVER_JOB, async (job) => { await this.outbox.deliver(job.data.outboxId); });
    this.logger.log(`worker listening on ${[DEADLINE_REMIND_JOB, DEADLINE_OVERDUE_JOB, OUTBOX_DELIVER_JOB].join(', ')}`);
  }
}
