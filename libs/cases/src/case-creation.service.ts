import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor, Clock, RealtimeEvent, RealtimePublisher, SYSTEM_ACTOR } from '@tiaojie/core';
import { shanghaiYear } from '@tiaojie/business-time';
import { DbService, Executor, isUniqueViolation, readAsOne, runAsOne } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { DispatchService } from '@tiaojie/dispatch';
import { CaseSearchIndexService } from '@tiaojie/search';
import { CaseDeadlineService } from '@tiaojie/deadlines';
import { CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService, announce } from './case-transition.service';
import { CaseNoticePolicy } from './case-notice.policy';
import { routingTransition } from './case-routing';
import { PartyInput } from './case.types';
import { assertSameRequest, checkIdempotencyKey } from './idempotency-key';
import {
  newAgentValues,
  newCaseDocument,
  newDisputeValues,
  newPartyValues,
  receiveTransition,
  type NewCase,
} from './new-case';

export type CreateSpec = Pick<
  NewCase,
  | 'channel'
  | 'category'
  | 'title'
  | 'description'
  | 'streetCode'
  | 'communityCode'
  | 'address'
  | 'peopleInvolved'
  | 'deadlineRegime'
  | 'dueAt'
> & {
  kind: 'peoples' | 'administrative' | 'judicial';
  claimAmount?: number | null;
  parties: (PartyInput & { role: string; userId?: string | null })[];
  data?: Record<string, unknown>;
  /** An account whose phone is its party's (the party with this userId): read with the application's other reads. */
  phoneOfAccount?: string;
};

/** Writes one new dispute with its parties, timeline, audit, routing decision and search postings, and routes it. */
@Injectable()
export class CaseCreationService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
    private readonly notices: CaseNoticePolicy,
    private readonly deadlines: CaseDeadlineService,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  /** Routes a received or returned case through the rule engine; no candidate (or too many returns) → district queue. */
  async routeInTx(tx: Executor, dispute: DisputeRow, events: RealtimeEvent[]): Promise<DisputeRow> {
    const parties = await this.cases.parties(tx, dispute.id);
    const ctx: CaseContext = { dispute, parties, relations: new Set(['any' as const]), ownParties: [] };
    const decision = await this.dispatch.decide(tx, dispute, parties);
    const [action, opts] = routingTransition(decision);
    return this.transitions.fire(tx, SYSTEM_ACTOR, ctx, action, opts, events);
  }

  /**
   * Creates, records and routes a dispute in one transaction. With an idempotency key, a retry of the same
   * creator's request (after a timeout, a dropped connection, a killed instance) returns the dispute the first
   * attempt created instead of filing a second one; two concurrent attempts resolve on the unique index.
   */
  async create(
    actor: Actor,
    spec: CreateSpec,
    extra?: (tx: Executor, d: DisputeRow) => Promise<void>,
    idempotencyKey?: string,
    fingerprint?: string,
  ): Promise<DisputeRow> {
    const key = idempotencyKey === undefined ? null : checkIdempotencyKey(idempotencyKey);
    const retried = async () => {
      const existing = key && actor.id ? await this.cases.byClientKey(this.db.db, actor.id, key) : null;
      if (existing) assertSameRequest(existing.clientKeyHash, fingerprint);
      return existing;
    };
    const existing = await retried();
    if (existing) return existing;
    try {
      return await this.createAndRouteOnce(actor, spec, extra, key, key ? fingerprint : undefined);
    } catch (err) {
      const existing = isUniqueViolation(err, 'disputes_client_key_idx') ? await retried() : null;
      if (existing) return existing;
      throw err;
    }
  }

  /**
   * Decides the route first (the number, the parties' accounts, the bodies with their loads and the repeated-dispute
   * check read in one statement), then writes the dispute, its parties and agents, both
   * timeline rows, both audit entries and the routing decision as one statement: no transaction held open across
   * round trips. With `extra` (a referral, a recorded consent) the statement and `extra` share a transaction.
   */
  private async createAndRouteOnce(
    actor: Actor,
    spec: CreateSpec,
    extra: ((tx: Executor, d: DisputeRow) => Promise<void>) | undefined,
    clientKey: string | null,
    clientKeyHash?: string,
  ): Promise<DisputeRow> {
    const now = this.clock.now();
    const id = randomUUID();
    const phoneOf = (p: CreateSpec['parties'][number], accountPhone: string | null) =>
      (spec.phoneOfAccount && p.userId === spec.phoneOfAccount ? accountPhone : p.phone) ?? null;
    const newCase = (number: string, accountPhone: string | null, users: Map<string, string>): NewCase => ({
      ...spec,
      id,
      number,
      parties: spec.parties.map((p) => ({
        ...p,
        phone: phoneOf(p, accountPhone),
        userId: p.userId ?? (p.phone ? users.get(p.phone) : null) ?? null,
      })),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      receiveData: spec.data,
    });
    const factsOf = (c: NewCase) =>
      c.parties.map((p) => ({
        partyType: p.partyType ?? 'person',
        name: p.name,
        idNumber: p.idNumber ?? null,
        phone: p.phone ?? null,
      }));
    const phones = spec.parties.filter((p) => p.phone && !p.userId).map((p) => p.phone!);
    const draft = newCase('', null, new Map());
    const routing = this.dispatch.newDisputeRouting(
      newDisputeValues(draft),
      factsOf(draft),
      spec.phoneOfAccount ?? null,
    );
    // unnamed: planned with its values every time (the repeated-dispute check's best plan depends on the phones and
    // on how the tables grew; a generic plan cached early sequentially scanned disputes)
    const [number, users, accountPhone, bodies, repeated] = await readAsOne(this.db.db, null, [
      this.cases.nextNumberRead(shanghaiYear(now)),
      this.cases.partyUsersByPhoneRead(phones),
      this.cases.userPhoneRead(spec.phoneOfAccount ?? null),
      ...routing.reads,
    ] as const);
    const c = newCase(number, accountPhone, users);
    const hash = await this.searchIndex.hasher();
    const decision = await routing.decide(this.db.db, [bodies, repeated], factsOf(c));
    const received = { ...newDisputeValues(c), clientKey, clientKeyHash: clientKeyHash ?? null };
    const parties = newPartyValues(c);
    const [action, opts] = routingTransition(decision);
    const plan = this.transitions.plan(
      SYSTEM_ACTOR,
      { dispute: received, relations: new Set(['any' as const]) },
      action,
      opts,
    );
    const statements = (db: Executor) => [
      ...this.cases.newDisputeStatements(db, {
        dispute: { ...received, ...plan.patch, version: plan.expected + 1 },
        parties,
        agents: newAgentValues(c, parties),
        transitions: [receiveTransition(c, actor), plan.transition],
      }),
      this.audit.statement(db, [
        [
          actor,
          {
            action: 'case.receive',
            entityType: 'dispute',
            entityId: id,
            data: { number, channel: spec.channel, kind: spec.kind, category: spec.category },
          },
        ],
        [SYSTEM_ACTOR, plan.audit],
      ]),
      this.dispatch.decisionStatement(db, id, decision),
      this.searchIndex.newCaseStatement(id, now, newCaseDocument(c), hash),
    ];
    const write = async (db: Executor) => {
      const [first, ...rest] = statements(db);
      const d = this.cases.disputeFrom((await runAsOne(db, first, ...rest))[0]);
      if (extra) {
        await extra(db, d);
        // a referral's court number, intake records linked by `extra`: the index reads them back in this transaction
        await this.searchIndex.reindex(db, [d.id]);
      }
      await this.deadlines.onCaseWritten(db, null, d);
      return d;
    };
    // a due date set at intake (court referral, petition) gets its timers in the same transaction
    const dispute = extra || received.dueAt ? await this.db.transaction(write) : await write(this.db.db);
    const events: RealtimeEvent[] = [];
    announce(action, { bodyId: null }, dispute, events, { created: true });
    this.publisher.publish(events);
    // the dispute stands whether or not its notices could be written (they are keyed: a retry is harmless)
    await this.notices
      .onCreated(dispute, parties)
      .catch((err: Error) =>
        new Logger('CaseIntake').warn(`notices of ${dispute.id} failed: ${err.message}`),
      );
    return dispute;
  }
}
