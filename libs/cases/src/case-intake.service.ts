import { Injectable, Logger } from '@nestjs/common';
import {
  Actor,
  Clock,
  DomainError,
  ErrorCode,
  RealtimeEvent,
  RealtimePublisher,
  Role,
  SYSTEM_ACTOR,
  UserActor,
} from '@tiaojie/core';
import { isBusinessDate, shanghaiYear, startOfBusinessDay } from '@tiaojie/business-time';
import { isMobilePhone, isValidChineseId } from '@tiaojie/personal-data';
import { randomUUID } from 'node:crypto';
import { DbService, Executor, isUniqueViolation, readAsOne, runAsOne } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { DispatchService } from '@tiaojie/dispatch';
import { OrgRepository, CATEGORY_CODES } from '@tiaojie/org';
import { RoutingDecision } from '@tiaojie/routing';
import { CaseSearchIndexService } from '@tiaojie/search';
import { CaseContext } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService, FireOptions, announce } from './case-transition.service';
import { CaseNoticePolicy } from './case-notice.policy';
import { ApplyInput, CourtReferralInput, PartyInput, RegisterInput } from './case.types';
import { CaseRegistrationService, DEFAULT_REPLY_DAYS, RegistrationResult } from './case-registration.service';
import { assertSameRequest, checkIdempotencyKey, requestFingerprint } from './idempotency-key';
import { caseDue, CaseDeadlineService } from '@tiaojie/deadlines';
import {
  newAgentValues,
  newCaseDocument,
  newDisputeValues,
  newPartyValues,
  receiveTransition,
  type NewCase,
} from './new-case';

/** What staff see of a routing decision: the sentence, the escalation, the ranked candidates. */
export function routingSummary(d: RoutingDecision) {
  return {
    why: d.explanation.summary.zh,
    whyEn: d.explanation.summary.en,
    outcome: d.outcome,
    bodyId: d.bodyId,
    queueReason: d.queueReason?.code ?? null,
    escalation: d.escalation ?? null,
    returnsCount: d.returnsCount,
    rulesMatched: d.explanation.rules.filter((r) => r.matched).map((r) => r.ruleId),
    candidates: d.explanation.candidates.slice(0, 8),
  };
}

const REGISTER_CHANNELS: Record<string, Role[]> = {
  window: [Role.Mediator, Role.BodyAdmin, Role.DistrictAdmin, Role.Official],
  petition: [Role.DistrictAdmin, Role.Official, Role.BodyAdmin],
  grid: [Role.GridWorker],
  hotline_12345: [Role.HotlineOperator],
  enterprise: [Role.DistrictAdmin, Role.Official, Role.BodyAdmin, Role.Mediator],
};

interface CreateSpec {
  channel: string;
  kind: 'peoples' | 'administrative' | 'judicial';
  category: string;
  title: string;
  description: string;
  streetCode: string | null;
  communityCode?: string | null;
  address?: string | null;
  claimAmount?: number | null;
  peopleInvolved?: number;
  parties: (PartyInput & { role: string; userId?: string | null })[];
  deadlineRegime?: string | null;
  dueAt?: Date | null;
  data?: Record<string, unknown>;
  /** An account whose phone is its party's (the party with this userId): read with the application's other reads. */
  phoneOfAccount?: string;
}

/** Every way a dispute enters: online application, staff registration (window, petition, grid, 12345), court referral. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly transitions: CaseTransitionService,
    private readonly dispatch: DispatchService,
    private readonly orgs: OrgRepository,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
    private readonly notices: CaseNoticePolicy,
    private readonly registrations: CaseRegistrationService,
    private readonly deadlines: CaseDeadlineService,
    private readonly searchIndex: CaseSearchIndexService,
  ) {}

  async apply(
    actor: UserActor,
    input: ApplyInput,
    opts: { idempotencyKey?: string } = {},
  ): Promise<DisputeRow> {
    if (actor.role !== Role.Party) throw DomainError.forbidden('只有当事人可以在线申请调解');
    await this.validate(input.category, input.streetCode, input.communityCode, [
      input.applicant,
      ...input.respondents,
    ]);
    // the applicant's phone is the account's (read with the other reads of the application)
    return this.createAndRoute(
      actor,
      {
        channel: 'online',
        kind: 'peoples',
        category: input.category,
        title: input.title?.trim() || `${input.applicant.name}与${input.respondents[0].name}纠纷`,
        description: input.description,
        streetCode: input.streetCode,
        communityCode: input.communityCode,
        address: input.address,
        claimAmount: input.claimAmount,
        peopleInvolved: input.peopleInvolved,
        parties: [
          { ...input.applicant, phone: undefined, role: 'applicant', userId: actor.id },
          ...input.respondents.map((r) => ({ ...r, role: 'respondent' })),
        ],
        phoneOfAccount: actor.id,
      },
      undefined,
      opts.idempotencyKey,
      requestFingerprint(input),
    );
  }

  /**
   * Staff register a walk-in, petition, grid report, 12345 order or enterprise dispute as the same kind of dispute.
   * One that repeats an open dispute joins it as another intake record (or waits in the duplicate review queue when
   * the match is only probable) instead of becoming a second case (CaseRegistrationService).
   */
  async register(
    actor: Actor,
    input: RegisterInput,
    opts: { idempotencyKey?: string } = {},
  ): Promise<RegistrationResult> {
    const allowed = REGISTER_CHANNELS[input.channel];
    if (!allowed) throw DomainError.validation(`登记渠道无效`, { field: 'channel' });
    if (!allowed.includes(actor.role))
      throw DomainError.forbidden(`该角色不能登记“${input.channel}”渠道的纠纷`);
    const parties = input.parties;
    if (!parties.some((p) => p.role === 'applicant') || !parties.some((p) => p.role === 'respondent')) {
      throw DomainError.validation('至少需要一名申请人和一名被申请人', { field: 'parties' });
    }
    if (input.channel === 'grid' && input.assistance && !input.assistance.consent) {
      throw DomainError.validation('网格员代为申请须记录当事人同意', { field: 'assistance.consent' });
    }
    if (input.channel !== 'hotline_12345' && (input.source !== undefined || input.replyDays !== undefined))
      throw DomainError.validation('工单来源和办理时限仅适用于12345工单', {
        field: input.source !== undefined ? 'source' : 'replyDays',
      });
    await this.validate(input.category, input.streetCode, input.communityCode, parties);
    const key = opts.idempotencyKey === undefined ? null : checkIdempotencyKey(opts.idempotencyKey);
    const fingerprint = requestFingerprint(input);
    const retried = await this.registrations.retried(actor, key, fingerprint);
    if (retried) return retried;
    const street = (await this.dispatch.streets(this.db.db))?.find((st) => st.code === input.streetCode);
    const reg = this.registrations.prepare(actor, input, street?.name ?? null, key, fingerprint);
    const match = await this.registrations.match(reg);
    if (match?.confidence === 'certain') {
      const merged = await this.registrations.merge(reg, match);
      if (merged) return merged;
    } else if (match) return this.registrations.hold(reg, match);
    let intakeRecordId: string | null = null;
    const dispute = await this.createRegistered(
      actor,
      input,
      async (tx, d) => {
        intakeRecordId = (await this.registrations.recordCreated(tx, reg, d)).id;
      },
      opts.idempotencyKey,
    );
    return { outcome: 'created', dispute, candidate: null, intakeRecordId };
  }

  /**
   * Creates and routes the case of a registration (`extra` runs in its transaction): a new registration, or one the
   * district decided was not a repeat after all (HeldRegistrationService), registered by its registrant.
   */
  async createRegistered(
    actor: Actor,
    input: RegisterInput,
    extra: (tx: Executor, d: DisputeRow) => Promise<void>,
    idempotencyKey?: string,
  ): Promise<DisputeRow> {
    const now = this.clock.now();
    const parties = input.parties;
    const petition = input.channel === 'petition';
    // a 12345 order's N working days run from the body's sign-off: the regime now, the due date on acceptance
    const order = input.channel === 'hotline_12345';
    return this.createAndRoute(
      actor,
      {
        channel: input.channel,
        kind: input.kind ?? 'peoples',
        category: input.category,
        title: input.title?.trim() || `${parties[0].name}纠纷`,
        description: input.description,
        streetCode: input.streetCode,
        communityCode: input.communityCode,
        address: input.address,
        claimAmount: input.claimAmount,
        peopleInvolved: input.peopleInvolved,
        parties,
        deadlineRegime: petition ? 'petition' : order ? 'work_order_reply' : null,
        dueAt: petition ? caseDue('petition', now) : null,
        data: {
          ...(input.assistance ? { assistedBy: actor.id, consentMethod: input.assistance.method } : {}),
          ...(order ? { replyWorkingDays: input.replyDays ?? DEFAULT_REPLY_DAYS } : {}),
        },
      },
      async (tx, d) => {
        if (input.assistance?.consent) {
          const rows = await this.cases.parties(tx, d.id);
          const assisted = rows.find((p) => p.role === 'applicant')!;
          await this.cases.insertConsent(tx, {
            disputeId: d.id,
            partyId: assisted.id,
            kind: 'grid_assistance',
            recordedBy: actor.id,
            method: input.assistance.method,
            note: input.assistance.note ?? null,
            at: now,
          });
        }
        await extra(tx, d);
      },
      idempotencyKey,
      requestFingerprint(input),
    );
  }

  /** A court refers a case: 委派 before registration (30 days) or 委托 after (15 ordinary / 7 simple). */
  async referFromCourt(actor: Actor, input: CourtReferralInput): Promise<DisputeRow> {
    if (actor.role !== Role.CourtClerk && actor.role !== Role.Judge)
      throw DomainError.forbidden('仅法院工作人员可委派/委托调解');
    // one pair of brackets around the year, at the start: （2026）苏0612民诉前调12号, never （（2026）…）
    if (!/^（\d{4}）[^（）()]+号$/.test(input.courtCaseNumber)) {
      throw DomainError.validation('案号格式应如（2024）苏0612民诉前调12号', {
        field: 'courtCaseNumber',
      });
    }
    if (input.referralType === 'post_registration' && !input.procedure)
      throw DomainError.validation('委托调解须注明普通程序或简易程序', {
        field: 'procedure',
      });
    await this.validate(input.category, input.streetCode, null, input.parties);
    const regime =
      input.referralType === 'pre_registration'
        ? 'court_pre_registration'
        : input.procedure === 'simple'
          ? 'court_post_registration_simple'
          : 'court_post_registration_ordinary';
    if (!isBusinessDate(input.referredOn))
      throw DomainError.validation('委派日期无效', { field: 'referredOn' });
    const referredAt = startOfBusinessDay(input.referredOn);
    const dueAt = caseDue(regime, referredAt);
    return this.createAndRoute(
      actor,
      {
        channel: 'court',
        kind: 'judicial',
        category: input.category,
        title: `${input.courtCaseNumber} ${input.causeOfAction}`,
        description: input.description ?? input.causeOfAction,
        streetCode: input.streetCode,
        claimAmount: input.claimAmount,
        parties: input.parties,
        deadlineRegime: regime,
        dueAt,
        data: { courtCaseNumber: input.courtCaseNumber, referralType: input.referralType },
      },
      async (tx, d) => {
        await this.cases
          .insertReferral(tx, {
            disputeId: d.id,
            courtId: actor.orgId!,
            referralType: input.referralType,
            procedure: input.procedure ?? null,
            courtCaseNumber: input.courtCaseNumber,
            causeOfAction: input.causeOfAction,
            claimAmount: input.claimAmount !== undefined ? String(input.claimAmount) : null,
            judgeName: input.judgeName ?? null,
            referredOn: input.referredOn,
            mediationDays:
              regime === 'court_pre_registration' ? 30 : regime === 'court_post_registration_simple' ? 7 : 15,
            createdBy: actor.id,
          })
          .catch((err) => {
            if (isUniqueViolation(err))
              throw new DomainError(ErrorCode.CONFLICT, `案号已委派过：${input.courtCaseNumber}`);
            throw err;
          });
      },
    );
  }

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
  private async createAndRoute(
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

  private async validate(
    category: string,
    streetCode: string | null,
    communityCode: string | null | undefined,
    parties: PartyInput[],
  ): Promise<void> {
    if (!(CATEGORY_CODES as string[]).includes(category))
      throw DomainError.validation(`纠纷类别无效`, {
        field: 'category',
      });
    // the cached reference list answers known codes; an unknown one is looked up before it is refused
    const known = streetCode
      ? (await this.dispatch.streets(this.db.db))?.find((st) => st.code === streetCode)
      : undefined;
    if (streetCode && !known && !(await this.orgs.street(this.db.db, streetCode)))
      throw DomainError.validation('所属街道无效', { field: 'streetCode' });
    if (
      communityCode &&
      (!streetCode ||
        !(
          known?.communities.includes(communityCode) ||
          (await this.orgs.community(this.db.db, communityCode, streetCode))
        ))
    ) {
      throw DomainError.validation('所属社区无效', {
        field: 'communityCode',
      });
    }
    for (const p of parties) {
      if (p.idNumber && p.partyType !== 'organization' && !isValidChineseId(p.idNumber))
        throw DomainError.validation(`身份证号码校验失败：${p.name}`, {
          field: 'idNumber',
        });
      if (p.phone && !isMobilePhone(p.phone))
        throw DomainError.validation(`手机号格式不正确：${p.name}`, { field: 'phone' });
      if (p.partyType === 'organization' && !p.representative)
        throw DomainError.validation(`单位当事人须填写法定代表人：${p.name}`, {
          field: 'representative',
        });
      if (p.agent && !p.agent.powerOfAttorney?.trim())
        throw DomainError.validation(`代理人须提供授权委托书：${p.agent.name}`, {
          field: 'agent.powerOfAttorney',
        });
    }
  }
}

/** The lifecycle action a routing decision calls for: to the chosen body, or to the district's queue. */
function routingTransition(decision: RoutingDecision): [string, FireOptions] {
  const routing = routingSummary(decision);
  if (decision.outcome !== 'assigned' || !decision.bodyId) {
    return [
      'send_to_district',
      {
        reason: routing.why,
        data: { queueReason: decision.queueReason?.code ?? null },
        patch: { routing, bodyId: null, mediatorId: null },
      },
    ];
  }
  return [
    'route',
    {
      reason: routing.why,
      data: { bodyId: decision.bodyId, escalation: decision.escalation?.to ?? null },
      patch: { bodyId: decision.bodyId, mediatorId: null, routing },
    },
  ];
}
