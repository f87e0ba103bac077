import { Logger } from '@nestjs/common';
import type { AuditService } from '@tiaojie/audit';
import type { Clock } from '@tiaojie/core';
import type { DbService } from '@tiaojie/db';
import type { CallEventRepository } from './call-event.repository';
import { CallJournal } from './call-journal';

const actor = { role: 'party', id: 'u1' } as never;
const event = (kind: 'join' | 'leave', sessionId = 'S') => ({ sessionId, disputeId: 'D', kind });

/** A database whose next `failures` transactions throw, and whose next transaction can be held until released. */
function world(failures = 0) {
  const stored: string[] = [];
  const gates: Array<() => void> = [];
  let hold = false;
  let left = failures;
  const db = {
    transaction: async (fn: (tx: unknown) => Promise<unknown>) => {
      if (hold) {
        hold = false; // only the next transaction waits: a later one that did not queue behind it would overtake it
        await new Promise<void>((open) => gates.push(open));
      }
      if (left > 0) {
        left -= 1;
        throw new Error('connection reset');
      }
      return fn({});
    },
  } as unknown as DbService;
  const events = {
    insert: async (_tx: unknown, e: { kind: string; sessionId: string }) => {
      stored.push(`${e.sessionId}:${e.kind}`);
      return e;
    },
  } as unknown as CallEventRepository;
  const audit = { record: async () => undefined } as unknown as AuditService;
  const clock = { now: () => new Date('2026-12-08T02:00:00Z') } as unknown as Clock;
  const journal = new CallJournal(db, events, audit, clock);
  const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  return {
    journal,
    stored,
    errors,
    hold: () => (hold = true),
    release: async () => {
      while (gates.length === 0) await new Promise((r) => setImmediate(r));
      gates.splice(0).forEach((open) => open());
    },
  };
}

afterEach(() => jest.restoreAllMocks());

describe('call journal', () => {
  it('retries a write made after the ack and stores it once', async () => {
    const w = world(2);
    w.journal.later(actor, event('join'));
    await w.journal.beforeApplicationShutdown();
    expect(w.stored).toEqual(['S:join']);
    expect(w.errors).not.toHaveBeenCalled();
  });

  it('logs a write it could not store with its whole content, and goes on with the next', async () => {
    const w = world(3);
    w.journal.later(actor, event('join'));
    w.journal.later(actor, event('leave'));
    await w.journal.beforeApplicationShutdown();
    await new Promise((r) => setImmediate(r));
    expect(w.stored).toEqual(['S:leave']);
    expect(w.errors).toHaveBeenCalledTimes(1);
    const line = String(w.errors.mock.calls[0][0]);
    expect(line).toContain('after 3 attempts');
    expect(line).toContain('"kind":"join"');
    expect(line).toContain('"userId":"u1"');
  });

  it("keeps a session's writes in the order they were asked for, and a shutdown waits for them", async () => {
    const w = world();
    w.hold();
    w.journal.later(actor, event('join'));
    const leave = w.journal.write(actor, event('leave'));
    const shutdown = w.journal.beforeApplicationShutdown();
    expect(w.stored).toEqual([]);
    await w.release();
    await leave;
    await shutdown;
    expect(w.stored).toEqual(['S:join', 'S:leave']);
  });
});
