import type { BatchResult } from './intake-batch.writer';
import { splitResult } from './webhook-processor.service';

const batch = (
  outcomes: BatchResult['outcomes'],
  attribution: Partial<BatchResult['attribution']> & { recordOfRow: string[] },
): BatchResult => ({
  outcomes,
  created: 0,
  updated: 0,
  unchanged: 0,
  disputesCreated: 0,
  linked: 0,
  queuedForReview: 0,
  held: 0,
  createdDisputeIds: [],
  attribution: { createdFrom: [], linkedRecords: [], heldRecords: [], reviewPairs: [], ...attribution },
});

describe('splitResult (one batch write, counted per delivery)', () => {
  it('gives each delivery the outcomes of its own rows, and each record to the first delivery that carried it', () => {
    // deliveries: [r1, r2] · [r1 again, changed] · [] (all rows rejected) · [r3]
    const out = batch(['created', 'created', 'updated', 'created'], {
      recordOfRow: ['r1', 'r2', 'r1', 'r3'],
      createdFrom: ['r1', 'r3'],
      linkedRecords: ['r2'],
      heldRecords: [],
      reviewPairs: [],
    });
    expect(splitResult(out, [2, 1, 0, 1])).toEqual([
      { created: 2, updated: 0, unchanged: 0, disputesCreated: 1, linked: 1, queuedForReview: 0, held: 0 },
      { created: 0, updated: 1, unchanged: 0, disputesCreated: 0, linked: 0, queuedForReview: 0, held: 0 },
      { created: 0, updated: 0, unchanged: 0, disputesCreated: 0, linked: 0, queuedForReview: 0, held: 0 },
      { created: 1, updated: 0, unchanged: 0, disputesCreated: 1, linked: 0, queuedForReview: 0, held: 0 },
    ]);
  });

  it('counts a pair for review once: for the later delivery of the two, or the one that carried either record', () => {
    const out = batch(['created', 'created'], {
      recordOfRow: ['r1', 'r2'],
      heldRecords: ['r2'],
      reviewPairs: [
        ['r1', 'r2'],
        ['old', 'r1'],
        ['x', 'y'],
      ],
    });
    const [first, second] = splitResult(out, [1, 1]);
    expect([first.queuedForReview, second.queuedForReview]).toEqual([1, 1]);
    expect([first.held, second.held]).toEqual([0, 1]);
  });

  it('adds up to the batch: every created dispute is counted once', () => {
    const out = batch(['created', 'unchanged', 'created'], {
      recordOfRow: ['a', 'a', 'b'],
      createdFrom: ['a', 'b'],
    });
    const parts = splitResult(out, [1, 1, 1]);
    expect(parts.reduce((n, p) => n + p.disputesCreated, 0)).toBe(2);
    expect(parts.map((p) => p.unchanged)).toEqual([0, 1, 0]);
  });
});
