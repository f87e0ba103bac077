import { DEADLINE_JOBS } from '@tiaojie/cases';
import { OUTBOX_DELIVER_JOB } from '@tiaojie/notifications';

/** Every pg-boss queue of the platform: created at start so transactional sends never need DDL. */
export const ALL_QUEUES: readonly string[] = [...DEADLINE_JOBS, OUTBOX_DELIVER_JOB];
