import { buildServer } from './support/cluster';
import { diskFull } from './suite/disk-full';
import { killMidTraffic } from './suite/kill-storage';
import { Outcome, failed, line, say } from './suite/tally';
import { twoInstances } from './suite/two-instances';
import { workerPerQueue } from './suite/worker-queues';

/**
 * The operator's fault suite (`npm run -s faults [-- name …]`): real processes from dist/, each scenario prints
 * what was acknowledged, found, missing and duplicated; the exit code is 1 when anything acknowledged was lost or
 * stored twice, or a scenario could not finish. PostgreSQL scenarios use DATABASE_URL (else the local server) and
 * are skipped, with the reason, when none answers; the disk-full one needs root to mount a tmpfs.
 */
const SCENARIOS: Record<string, () => Promise<Outcome>> = {
  'kill-pglite': () => killMidTraffic('pglite', Number(process.env.FAULTS_ROUNDS ?? 3)),
  'kill-postgres': () => killMidTraffic('postgres', Number(process.env.FAULTS_ROUNDS ?? 3)),
  'two-instances': twoInstances,
  'worker-queues': workerPerQueue,
  'disk-full': diskFull,
};

async function main(): Promise<number> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !SCENARIOS[a]);
  if (unknown.length) {
    process.stderr.write(
      `unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}\n`,
    );
    return 2;
  }
  buildServer();
  const outcomes: Outcome[] = [];
  for (const name of asked.length ? asked : Object.keys(SCENARIOS)) {
    say(name, 'starting');
    const o = await SCENARIOS[name]();
    outcomes.push(o);
    say(
      name,
      o.skipped
        ? `skipped: ${o.skipped}`
        : o.error
          ? 'could not finish'
          : `done in ${o.seconds.toFixed(0)} s`,
    );
  }
  process.stdout.write('\n== fault suite ==\n');
  for (const o of outcomes) {
    if (o.skipped) process.stdout.write(`${o.scenario.padEnd(26)} SKIPPED: ${o.skipped}\n`);
    if (o.error) process.stdout.write(`${o.scenario.padEnd(26)} FAILED TO RUN: ${o.error}\n`);
    for (const t of o.tallies) process.stdout.write(`${line(t)}\n`);
  }
  const bad = outcomes.filter(failed);
  process.stdout.write(
    bad.length
      ? `\nFAILED: ${bad.map((o) => o.scenario).join(', ')}\n`
      : `\nnothing acknowledged was lost or stored twice (${outcomes.filter((o) => !o.skipped).length} scenarios run, ${outcomes.filter((o) => o.skipped).length} skipped)\n`,
  );
  return bad.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
