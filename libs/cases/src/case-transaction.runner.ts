import { Injectable } from '@nestjs/common';
import { Actor, RealtimeEvent, RealtimePublisher } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { CaseAccessService, CaseContext } from './case-access.service';
import { DisputeRow } from './case.repository';

/** One case command: loads the case in a transaction, runs the change, publishes its events once committed. */
@Injectable()
export class CaseTransactionRunner {
  constructor(
    private readonly db: DbService,
    private readonly access: CaseAccessService,
    private readonly publisher: RealtimePublisher,
  ) {}

  async run(
    actor: Actor,
    id: string,
    fn: (tx: Executor, ctx: CaseContext, events: RealtimeEvent[]) => Promise<DisputeRow>,
  ): Promise<DisputeRow> {
    const events: RealtimeEvent[] = [];
    const result = await this.db.transaction(async (tx) =>
      fn(tx, await this.access.load(actor, id, tx), events),
    );
    this.publisher.publish(events);
    return result;
  }
}
