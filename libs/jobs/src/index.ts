export { JobQueue } from './job-queue';
export type { SendOptions, JobContext } from './job-queue';
export { PgBossQueue } from './pg-boss.queue';
export { JobsModule } from './jobs.module';
