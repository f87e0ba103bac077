import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role, UserActor } from '@tiaojie/core';
import { DbService, Executor } from '@tiaojie/db';
import { DispatchService } from '@tiaojie/dispatch';
import { caseDue } from '@tiaojie/deadlines';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseCreationService } from './case-creation.service';
import { CaseIntakeValidator } from './case-intake.validator';
import { ApplyInput, RegisterInput } from './case.types';
import { CaseRegistrationService } from './case-registration.service';
import { DEFAULT_REPLY_DAYS, RegistrationResult } from './registration-record';
import { checkIdempotencyKey, requestFingerprint } from './idempotency-key';

const REGISTER_CHANNELS: Record<string, Role[]> = {
  window: [Role.Mediator, Role.BodyAdmin, Role.DistrictAdmin, Role.Official],
  petition: [Role.DistrictAdmin, Role.Official, Role.BodyAdmin],
  grid: [Role.GridWorker],
  hotline_12345: [Role.HotlineOperator],
  enterprise: [Role.DistrictAdmin, Role.Official, Role.BodyAdmin, Role.Mediator],
};

/** Online applications and staff registrations (window, petition, grid, 12345, enterprise). */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly dispatch: DispatchService,
    private readonly clock: Clock,
    private readonly registrations: CaseRegistrationService,
    private readonly creation: CaseCreationService,
    private readonly validator: CaseIntakeValidator,
  ) {}

  async apply(
    actor: UserActor,
    input: ApplyInput,
    opts: { idempotencyKey?: string } = {},
  ): Promise<DisputeRow> {
    if (actor.role !== Role.Party) throw DomainError.forbidden('只有当事人可以在线申请调解');
    await this.validator.validate(input.category, input.streetCode, input.communityCode, [
      input.applicant,
      ...input.respondents,
    ]);
    // the applicant's phone is the account's (read with the other reads of the application)
    return this.creation.create(
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
    await this.validator.validate(input.category, input.streetCode, input.communityCode, parties);
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
    return this.creation.create(
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
}
