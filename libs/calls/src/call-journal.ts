import { Injectable } from '@nestjs/common';
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

/** Writes one call event and its audit entry in one transaction: the session record and the audit chain agree. */
@Injectable()
export class CallJournal {
  constructor(
    private readonly db: DbService,
    private readonly events: CallEventRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  write(
    actor: Actor & { id: string },
    e: { sessionId: string; disputeId: string; kind: CallEventKind; data?: Record<string, unknown> },
    db?: Executor,
  ) {
    const run = async (tx: Executor) => {
      const data = e.data ?? {};
      const row = await this.events.insert(tx, { ...e, data, userId: actor.id, at: this.clock.now() });
      await this.audit.record(tx, actor, {
        action: AUDIT_ACTIONS[e.kind],
        entityType: 'mediation_session',
        entityId: e.sessionId,
        data: { disputeId: e.disputeId, ...data },
      });
      return row;
    };
    return db ? run(db) : this.db.transaction(run);
  }
}
