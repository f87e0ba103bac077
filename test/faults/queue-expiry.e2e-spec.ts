import { ALL_QUEUES } from '@tiaojie/platform';
import { buildServer } from './support/cluster';
import { expectNothingLost } from './support/expect-outcome';
import { workerPerQueue } from './suite/worker-queues';

/**
 * A worker killed (SIGKILL) mid-batch leaves its jobs "active"; every queue's expiry and retry policy brings them
 * back to another worker within a minute, with no help: no clock moved, no maintenance forced (pg-boss's own, every
 * 10 s). The operator suite's `worker-queues` scenario, real worker processes on PostgreSQL; the tables the handlers
 * use are locked so the worker dies holding a batch of every queue (a crash with real deadline timers and SMS is
 * worker-crash.e2e-spec.ts).
 */
describe('a worker killed mid-batch, per queue (fault)', () => {
  beforeAll(() => buildServer());

  it('redoes the jobs of a killed worker within 60 s on every queue, each once', async () => {
    const outcome = await workerPerQueue();
    expectNothingLost(outcome);
    expect(outcome.tallies.map((t) => t.what).sort()).toEqual(
      ALL_QUEUES.map((q) => `queue ${q.name}`).sort(),
    );
  }, 600_000);
});
