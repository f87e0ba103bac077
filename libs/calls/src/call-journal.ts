import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@tiaojie/audit';
import { Actor, Clock } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { CallEventKind, CallEventRepository } from './call-event.repository';

const AUDIT_ACTIONS: Record<CallEventKind, string> = {
  join: 'call.joined',
  leave: 'call.left',
  invite: 'call.invited',
  mode: 'call.mode_switched',
  consent: 'call.recording_consent',
  recording: 'call.recording_saved',
};

type JournalEvent = {
  sessionId: string;
  disputeId: string;
  kind: CallEventKind;
  data?: Record<string, unknown>;
};

/** A write that waits behind the session's earlier ones is retried this many times before it is given up. */
const ATTEMPTS = 3;

/**
 * Writes one call event and its audit entry in one transaction: the session record and the audit chain agree.
 * The writes of one session run one after another in the order they were asked for, each stamped when it was asked
 * for, so a join written after its ack still precedes the leave or mode switch that follows it.
 */
@Injectable()
export class CallJournal implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CallJournal');
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: DbService,
    private readonly events: CallEventRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Writes the event (inside `db` when given, else in the session's queue) and resolves once it is stored. */
  write(actor: Actor & { id: string }, e: JournalEvent, db?: Executor) {
    const at = this.clock.now();
    if (db) return this.insert(db, actor, e, at);
    return this.queue(e.sessionId, () => this.db.transaction((tx) => this.insert(tx, actor, e, at)));
  }

  /**
   * Writes the event without holding up the caller (a join's ack), still in the session's order; retried, and a
   * write that cannot be stored is logged with its whole content, for the record to be completed by hand.
   */
  later(actor: Actor & { id: string }, e: JournalEvent): void {
    const at = this.clock.now();
    const attempt = async () => {
      for (let i = 1; ; i++)
        try {
          return await this.db.transaction((tx) => this.insert(tx, actor, e, at));
        } catch (err) {
          if (i >= ATTEMPTS) throw err;
        }
    };
    this.queue(e.sessionId, attempt).catch((err: Error) =>
      this.logger.error(
        `call event not recorded after ${ATTEMPTS} attempts: ${err.message} ` +
          JSON.stringify({ ...e, userId: actor.id, at: at.toISOString() }),
      ),
    );
  }

  /** A shutdown waits for the queued writes, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  private insert(tx: Executor, actor: Actor & { id: string }, e: JournalEvent, at: Date) {
    return (async () => {
      const data = e.data ?? {};
      const row = await this.events.insert(tx, { ...e, data, userId: actor.id, at });
      await this.audit.record(tx, actor, {
        action: AUDIT_ACTIONS[e.kind],
        entityType: 'mediation_session',
        entityId: e.sessionId,
        data: { disputeId: e.disputeId, ...data },
      });
      return row;
    })();
  }

  private queue<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const run = (this.tails.get(sessionId) ?? Promise.resolve()).then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(sessionId, tail);
    void tail.then(() => {
      if (this.tails.get(sessionId) === tail) this.tails.delete(sessionId);
    });
    return run;
  }
}
