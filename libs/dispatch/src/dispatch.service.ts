import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { DbService, Executor, Statement, readAll } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import {
  ConflictKind,
  DISPUTE_CATEGORY_CODES,
  DisputeReturn,
  MediatorProposal,
  RoutingDecision,
  RoutingDispute,
  RoutingRegistry,
  RoutingRule,
  compileRouting,
  proposeMediator,
  validateRules,
} from '@tiaojie/routing';
import { DEFAULT_RULES } from './default-rules';
import { BodyWithLoad, DispatchRepository } from './dispatch.repository';
import {
  DisputeFacts,
  DisputeRow,
  PartyFacts,
  PartyRow,
  ReturnData,
  manualDecisionRow,
  phonesOf,
  registryBodies,
  routingFacts,
  routingRegistryOf,
  ruleRow,
  toRule,
} from './routing-facts';
import { TtlCache } from './ttl-cache';

const REPEAT_WINDOW_MS = 180 * 86_400_000;
const STREETS_TTL_MS = 60_000;
const RULES_TTL_MS = 5_000;

/** The registry and rules in the database, fed to the pure engine (@tiaojie/routing) per decision. */
@Injectable()
export class DispatchService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Dispatch');
  private readonly referenceCache = new TtlCache();

  constructor(
    private readonly db: DbService,
    private readonly repo: DispatchRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.repo.countRules(this.db.db)) > 0) return;
    await this.repo.replaceRules(
      this.db.db,
      DEFAULT_RULES.map((r) => ruleRow(r, null, this.clock.now())),
    );
    this.referenceCache.clear('rules');
    this.logger.log(`default routing rules installed (${DEFAULT_RULES.length})`);
  }

  /** The whole registry, read now: bodies with their loads, mediators with loads and conflicts, streets. */
  async registry(db: Executor): Promise<RoutingRegistry> {
    const [bodies, mediators, mLoads, conflicts] = await readAll(
      db,
      () => this.bodiesWithLoads(db),
      () => this.repo.mediators(db),
      () => this.repo.mediatorLoads(db),
      () => this.repo.conflicts(db),
    );
    return {
      bodies,
      mediators: mediators
        .filter((m) => m.orgId)
        .map((m) => ({
          id: m.id,
          name: m.displayName,
          bodyId: m.orgId!,
          active: m.active,
          specialties: m.specialties,
          openCases: mLoads.get(m.id) ?? 0,
          conflicts: conflicts
            .filter((c) => c.mediatorId === m.id)
            .map((c) => ({ kind: c.kind as ConflictKind, partyKey: c.partyKey, note: c.note ?? undefined })),
        })),
      streets: await this.streets(db),
    };
  }

  /**
   * What routing a dispute to a body reads: bodies and their open cases read now; no mediators (the engine routes to
   * bodies; mediators are proposed later, from the full registry).
   */
  private async routingRegistry(db: Executor): Promise<RoutingRegistry> {
    const [bodies, streets] = await readAll(
      db,
      () => this.repo.mediationBodiesWithLoads(db),
      () => this.streets(db),
    );
    return routingRegistryOf(bodies, streets);
  }

  private async bodiesWithLoads(db: Executor): Promise<RoutingRegistry['bodies']> {
    return registryBodies(await this.repo.mediationBodiesWithLoads(db));
  }

  /**
   * Streets and communities are reference data (seeded, never edited through the api): read once a minute. A code
   * missing here may have been added since; callers that validate check the database before refusing it.
   */
  streets(db: Executor): Promise<RoutingRegistry['streets']> {
    return this.referenceCache.get('streets', STREETS_TTL_MS, async () => {
      const [streets, communities] = await readAll(
        db,
        () => this.repo.streets(db),
        () => this.repo.communities(db),
      );
      return streets.map((s) => ({
        code: s.code,
        name: s.name,
        communities: communities.filter((c) => c.streetCode === s.code).map((c) => c.code),
      }));
    });
  }

  /** The rules, cached for a few seconds (saving them here clears the cache; other instances see them within RULES_TTL_MS). */
  async rules(db: Executor = this.db.db): Promise<RoutingRule[]> {
    return this.referenceCache.get('rules', RULES_TTL_MS, async () =>
      (await this.repo.rules(db)).map(toRule),
    );
  }

  /** The engine's view of a stored dispute: parties' identities, earlier returns, the repeated-dispute flag. */
  async facts(db: Executor, d: DisputeFacts, parties: PartyFacts[]): Promise<RoutingDispute> {
    const transitions = await this.repo.returnsOf(db, d.id);
    const repeated = await this.repo.hasPriorDispute(
      db,
      d.id,
      d.category,
      phonesOf(parties),
      this.repeatSince(),
    );
    const returns = transitions
      .map((t) => {
        const data = t.data as ReturnData;
        return { bodyId: data?.bodyId, reason: data?.reasonCode ?? 'OTHER' };
      })
      .filter((r): r is DisputeReturn => !!r.bodyId);
    return routingFacts(d, parties, repeated, returns);
  }

  /** Decides where a stored dispute goes without storing the decision (reads on the pool run at once). */
  async decideFor(db: Executor, d: DisputeFacts, parties: PartyFacts[]): Promise<RoutingDecision> {
    const [registry, rules, facts] = await readAll(
      db,
      () => this.routingRegistry(db),
      () => this.rules(db),
      () => this.facts(db, d, parties),
    );
    return compileRouting(registry, rules).route(facts);
  }

  /**
   * Routing a dispute not yet written (an application): the reads it needs, to run in one statement with the caller's
   * own (`readAsOne`), and the decision from their values. A new dispute has no returns; the rules and streets come
   * from the reference cache. `phoneOfUser`: an account whose phone (read in the same statement) is also a party's,
   * for the repeated-dispute check; `decide` then gets the parties with that phone filled in. The decision is then
   * written with the dispute (`decisionStatement`).
   */
  newDisputeRouting(d: DisputeFacts, parties: PartyFacts[], phoneOfUser: string | null = null) {
    const reads = [
      this.repo.mediationBodiesWithLoadsRead(),
      this.repo.hasPriorDisputeRead(d.id, d.category, phonesOf(parties), this.repeatSince(), phoneOfUser),
    ] as const;
    const decide = async (
      db: Executor,
      [bodies, repeated]: [BodyWithLoad[], boolean],
      finalParties: PartyFacts[] = parties,
    ): Promise<RoutingDecision> => {
      const [streets, rules] = await Promise.all([this.streets(db), this.rules(db)]);
      return compileRouting(routingRegistryOf(bodies, streets), rules).route(
        routingFacts(d, finalParties, repeated, []),
      );
    };
    return { reads, decide };
  }

  private repeatSince(): Date {
    return new Date(this.clock.now().getTime() - REPEAT_WINDOW_MS);
  }

  /** Decides and stores the decision with its explanation, inside the caller's transaction. */
  async decide(tx: Executor, d: DisputeRow, parties: PartyRow[]): Promise<RoutingDecision> {
    const decision = await this.decideFor(tx, d, parties);
    await this.repo.insertDecision(tx, this.decisionRow(d.id, decision));
    return decision;
  }

  /** Storing a decision as a statement, written with the dispute it routes (runAsOne). */
  decisionStatement(db: Executor, disputeId: string, decision: RoutingDecision): Statement {
    return this.repo.insertDecisionStatement(db, this.decisionRow(disputeId, decision));
  }

  private decisionRow(disputeId: string, decision: RoutingDecision) {
    return {
      disputeId,
      outcome: decision.outcome,
      bodyId: decision.bodyId,
      explanation: decision,
      decidedAt: this.clock.now(),
    };
  }

  async recordManual(
    tx: Executor,
    actor: Actor,
    disputeId: string,
    bodyId: string,
    reason: string,
  ): Promise<void> {
    const body = (await this.repo.mediationBodies(tx)).find((b) => b.id === bodyId);
    if (!body || !body.active)
      throw DomainError.validation('目标调解组织不存在或已停用', {
        field: 'bodyId',
      });
    await this.repo.insertDecision(tx, manualDecisionRow(actor, disputeId, body, reason, this.clock.now()));
  }

  /** "Where would this dispute go, and why" without storing anything. */
  async dryRun(facts: RoutingDispute): Promise<RoutingDecision> {
    const [registry, rules] = await Promise.all([this.registry(this.db.db), this.rules()]);
    return compileRouting(registry, rules).route(facts);
  }

  decisions(disputeId: string) {
    return this.repo.decisions(this.db.db, disputeId);
  }

  async saveRules(actor: Actor, rules: RoutingRule[]): Promise<RoutingRule[]> {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('仅区级管理员可修改分派规则');
    const registry = await this.registry(this.db.db);
    const errors = validateRules(rules, [...DISPUTE_CATEGORY_CODES], registry);
    if (errors.length > 0) {
      throw DomainError.validation(`分派规则有误：${errors.map((e) => e.zh).join('；')}`, { rules: errors });
    }
    await this.db.transaction(async (tx) => {
      await this.repo.replaceRules(
        tx,
        rules.map((r) => ruleRow(r, actor.id, this.clock.now())),
      );
      await this.audit.record(tx, actor, {
        action: 'routing.rules_saved',
        entityType: 'routing_rules',
        entityId: 'all',
        data: { rules },
      });
    });
    this.referenceCache.clear('rules');
    return this.rules();
  }

  async proposeMediator(
    db: Executor,
    d: DisputeRow,
    parties: PartyRow[],
    bodyId: string,
  ): Promise<MediatorProposal> {
    const [registry, facts] = await readAll(
      db,
      () => this.registry(db),
      () => this.facts(db, d, parties),
    );
    const body = registry.bodies.find((b) => b.id === bodyId);
    if (!body) throw DomainError.notFound('body', bodyId);
    return proposeMediator(
      facts,
      body,
      (registry.mediators ?? []).filter((m) => m.bodyId === bodyId),
    );
  }

  /** Refuses a mediator who declared a conflict with any party of the case. */
  async assertNoConflict(
    db: Executor,
    d: DisputeRow,
    parties: PartyRow[],
    mediatorId: string,
  ): Promise<void> {
    const proposal = await this.proposeMediator(db, d, parties, d.bodyId!);
    const evaluation = proposal.candidates.find((e) => e.mediatorId === mediatorId);
    const conflicted = evaluation?.exclusions.some((x) => x.code === 'CONFLICT_OF_INTEREST');
    if (conflicted)
      throw new DomainError(ErrorCode.CONFLICT, '该调解员与当事人存在利害关系，应当回避', { mediatorId });
  }

  returnCounts() {
    return this.repo.returnCounts(this.db.db);
  }
}
