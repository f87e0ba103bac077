import { PERFORMANCE_REMIND_JOB } from '@tiaojie/cases';
import {
  DEADLINE_OVERDUE_JOB,
  DEADLINE_REMIND_JOB,
  DIGEST_BODY_JOB,
  DIGEST_TICK_JOB,
} from '@tiaojie/deadlines';
import { WEBHOOK_PROCESS_JOB } from '@tiaojie/intake';
import type { QueuePolicy, QueueSpec } from '@tiaojie/jobs';
import { OUTBOX_DELIVER_JOB, OUTBOX_JOB_EXPIRE_SECONDS } from '@tiaojie/notifications';

/**
 * A job whose worker dies is redone within a minute: expiry + maintenance (≤ 10 s) + first retry (2–4 s) ≤ 44 s.
 * Each expiry is several times the longest a healthy poll's batch runs (their handlers are idempotent either way);
 * pg-boss also fails a batch whose handler runs past it.
 */
// a timer writes one notification (milliseconds); a batch of 50 takes a second or two
const TIMER: QueuePolicy = { expireInSeconds: 20, retryLimit: 5, retryDelaySeconds: 2 };
// a digest tick queues one job per body; a body's digest reads its open cases and writes one notification each
const DIGEST: QueuePolicy = { expireInSeconds: 20, retryLimit: 5, retryDelaySeconds: 2 };
// one SMS is one provider call (≤ SMS_HTTP_TIMEOUT_MS, at most 20 s), a poll's sends run side by side
const OUTBOX: QueuePolicy = {
  expireInSeconds: OUTBOX_JOB_EXPIRE_SECONDS,
  retryLimit: 5,
  retryDelaySeconds: 2,
};
// a poll's deliveries are parsed and written in one transaction (100 deliveries of a few rows: seconds)
const WEBHOOK: QueuePolicy = { expireInSeconds: 20, retryLimit: 5, retryDelaySeconds: 2 };

/** Every pg-boss queue of the platform, with its policy: created at start so transactional sends never need DDL. */
export const ALL_QUEUES: readonly QueueSpec[] = [
  { name: DEADLINE_REMIND_JOB, policy: TIMER },
  { name: DEADLINE_OVERDUE_JOB, policy: TIMER },
  { name: PERFORMANCE_REMIND_JOB, policy: TIMER },
  { name: DIGEST_TICK_JOB, policy: DIGEST },
  { name: DIGEST_BODY_JOB, policy: DIGEST },
  { name: OUTBOX_DELIVER_JOB, policy: OUTBOX },
  { name: WEBHOOK_PROCESS_JOB, policy: WEBHOOK },
];
