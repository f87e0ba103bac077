import { DIGEST_JOBS, DEADLINE_JOBS } from '@tiaojie/deadlines';
import { PERFORMANCE_REMIND_JOB } from '@tiaojie/cases';
import { WEBHOOK_PROCESS_JOB } from '@tiaojie/intake';
import { OUTBOX_DELIVER_JOB } from '@tiaojie/notifications';

/** Every pg-boss queue of the platform: created at start so transactional sends never need DDL. */
export const ALL_QUEUES: readonly string[] = [
  ...DEADLINE_JOBS,
  PERFORMANCE_REMIND_JOB,
  ...DIGEST_JOBS,
  OUTBOX_DELIVER_JOB,
  WEBHOOK_PROCESS_JOB,
];
