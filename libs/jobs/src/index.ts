export { JobQueue } from './job-queue';
export type { SendOptions, JobContext, WorkOptions } from './job-queue';
export { PgBossQueue, DEFAULT_WORK } from './pg-boss.queue';
export { JobsModule } from './jobs.module';
export { jobIdFor, delaySeconds } from './job-id';
