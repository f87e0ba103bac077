import type { Outcome } from '../suite/tally';

/** A fault scenario ran here and every acknowledged item is there once, with no other promise broken. */
export function expectNothingLost(outcome: Outcome): void {
  expect({ skipped: outcome.skipped ?? null, error: outcome.error ?? null }).toEqual({
    skipped: null,
    error: null,
  });
  expect(outcome.tallies.length).toBeGreaterThan(0);
  for (const t of outcome.tallies) {
    expect({ what: t.what, missing: t.missing, duplicated: t.duplicated, problems: t.problems }).toEqual({
      what: t.what,
      missing: 0,
      duplicated: 0,
      problems: [],
    });
    expect(t.found).toBe(t.acked);
  }
}
