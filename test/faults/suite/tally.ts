/**
 * What one fault scenario measured. `acked`: what the system acknowledged (the only thing it promised);
 * `found`: of those, what is there afterwards; `missing` and `duplicated` must be 0. `notes`: what else was seen.
 */
export interface Tally {
  scenario: string;
  what: string;
  acked: number;
  found: number;
  missing: number;
  duplicated: number;
  notes: string[];
  /** Other promises broken (a gap in the seqs, a wrong seq): each fails the scenario. */
  problems: string[];
}

export interface Outcome {
  scenario: string;
  tallies: Tally[];
  /** Set when the scenario could not run here (and why). */
  skipped?: string;
  /** Set when the scenario itself failed (a process did not start, a state never came). */
  error?: string;
  seconds: number;
}

/** Counts acknowledged ids against what was found (an id found twice is a duplicate). */
export function tally(
  scenario: string,
  what: string,
  acked: Iterable<string>,
  foundCounts: Map<string, number>,
  notes: string[] = [],
): Tally {
  let n = 0;
  let found = 0;
  let duplicated = 0;
  for (const id of acked) {
    n += 1;
    const c = foundCounts.get(id) ?? 0;
    if (c > 0) found += 1;
    if (c > 1) duplicated += 1;
  }
  return { scenario, what, acked: n, found, missing: n - found, duplicated, notes, problems: [] };
}

/** The outcome of a scenario that broke before it could count: the error and the end of the process's log. */
export function crashed(
  scenario: string,
  started: number,
  err: unknown,
  proc: { log: string[] } | null,
): Outcome {
  const log = proc ? `\n${proc.log.join('').slice(-2000)}` : '';
  return {
    scenario,
    tallies: [],
    error: `${(err as Error).message}${log}`,
    seconds: (Date.now() - started) / 1000,
  };
}

export function failed(o: Outcome): boolean {
  return !!o.error || o.tallies.some((t) => t.missing > 0 || t.duplicated > 0 || t.problems.length > 0);
}

export function line(t: Tally): string {
  const cells = [
    t.scenario.padEnd(26),
    t.what.padEnd(34),
    `acked ${t.acked}`.padEnd(12),
    `found ${t.found}`.padEnd(12),
    `missing ${t.missing}`.padEnd(11),
    `duplicated ${t.duplicated}`,
  ];
  const more = [...t.notes, ...t.problems.map((p) => `BROKEN: ${p}`)];
  return cells.join(' ') + (more.length ? `\n${' '.repeat(27)}${more.join('; ')}` : '');
}

/** Prints a progress line at once (stdout, unbuffered enough for a terminal). */
export function say(scenario: string, text: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${scenario}: ${text}\n`);
}
