export { JobQueue } from './job-queue';
export type { SendOptions, JobContext, WorkOptions, QueuePolicy, QueueSpec } from './job-queue';
export { PgBossQueue, DEFAULT_WORK, MAINTENANCE_INTERVAL_SECONDS } from './pg-boss.queue';
export { JobsModule } from './jobs.module';
export { jobIdFor, delaySeconds } from './job-id';
